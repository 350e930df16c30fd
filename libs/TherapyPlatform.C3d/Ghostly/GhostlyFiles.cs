namespace TherapyPlatform.C3d;

/// <summary>
/// GHOSTLY-shaped session files made with the C3D writer, for tests and benchmarks that need no real recording and
/// for the services' start-up warm-up (never stored as a session): 990 Hz analogs in 33 Hz frames, <c>CHn Raw</c> EMG (sine bursts over seeded noise) and <c>CHn activated</c>
/// steps over the bursts, with INFO and SUBJECTS groups. Different seeds give different files (and hashes).
/// </summary>
public static class GhostlyFiles
{
    public const double AnalogRate = 990;

    /// <summary>Bursts of 3 s every 5 s, starting at 1 s, on every muscle.</summary>
    public static byte[] Create(int seed, double seconds = 20, int muscles = 2) => Writer(seed, seconds, muscles).ToArray();

    public static C3dWriter Writer(int seed, double seconds = 20, int muscles = 2)
    {
        var samples = (int)(seconds * AnalogRate);
        var random = new Random(seed);
        var writer = new C3dWriter { AnalogRate = AnalogRate, PointRate = 33, IsFloat = true };
        var activations = new List<(string Label, double[] Values)>();
        for (var m = 1; m <= muscles; m++)
        {
            var raw = new double[samples];
            var activated = new double[samples];
            for (var i = 0; i < samples; i++)
            {
                var t = i / AnalogRate;
                var inBurst = t >= 1 && (t - 1) % 5 < 3;
                raw[i] = (random.NextDouble() - 0.5) * 2e-5 + (inBurst ? 1e-3 * Math.Sin(2 * Math.PI * (60 + 10 * m) * t) : 0);
                activated[i] = inBurst ? 2e-4 : 0;
            }

            writer.AddAnalog($"CH{m} Raw", raw);
            activations.Add(($"CH{m} activated", activated));
        }

        foreach (var (label, values) in activations)
        {
            writer.AddAnalog(label, values);
        }

        return writer
            .AddParameter("INFO", "GAME_NAME", "Ghostly")
            .AddParameter("INFO", "TIME", ["2025", "3", "10", "11", "46"])
            .AddParameter("SUBJECTS", "PLAYER_NAME", $"Player {seed}")
            .AddParameter("SUBJECTS", "GAME_SCORE", 18f);
    }
}
