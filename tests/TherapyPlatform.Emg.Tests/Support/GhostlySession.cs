using TherapyPlatform.C3d;

namespace TherapyPlatform.Emg.Tests.Support;

/// <summary>
/// A GHOSTLY-shaped recording written with the C3D writer: 990 Hz analogs (30 per 33 Hz frame),
/// "CHn Raw" EMG with 100 Hz sine bursts at known positions and "CHn activated" steps over the same bursts,
/// INFO/SUBJECTS metadata, optionally a THERAPY group.
/// </summary>
public static class GhostlySession
{
    public const double Rate = 990;
    public const double BurstAmplitude = 1e-3;

    /// <summary>20 s; CH1 bursts of 3 s, 1 s and 3.5 s; CH2 bursts of 2.5 s and 0.5 s (samples).</summary>
    public static readonly (int Start, int End)[] Ch1Bursts = [(1980, 4950), (7920, 8910), (11880, 15345)];
    public static readonly (int Start, int End)[] Ch2Bursts = [(3960, 6435), (13860, 14355)];
    public const int Samples = 19_800;

    public static C3dWriter Writer()
    {
        var writer = new C3dWriter { AnalogRate = Rate, PointRate = 33, IsFloat = true }
            .AddAnalog("CH1 Raw", Signals.SineBursts(Samples, Rate, 100, BurstAmplitude, 0.01, Ch1Bursts))
            .AddAnalog("CH2 Raw", Signals.SineBursts(Samples, Rate, 80, BurstAmplitude / 2, 0.01, Ch2Bursts))
            .AddAnalog("CH1 activated", Signals.Steps(Samples, 2e-4, Ch1Bursts))
            .AddAnalog("CH2 activated", Signals.Steps(Samples, 2e-4, Ch2Bursts))
            .AddParameter("INFO", "GAME_NAME", "Ghostly")
            .AddParameter("INFO", "TIME", ["2024", "3", "4", "10", "5"])
            .AddParameter("SUBJECTS", "PLAYER_NAME", "Default")
            .AddParameter("SUBJECTS", "GAME_SCORE", 18f);
        return writer;
    }

    public static C3dFile Read(C3dWriter writer) => C3dFile.Read(writer.ToArray());
}
