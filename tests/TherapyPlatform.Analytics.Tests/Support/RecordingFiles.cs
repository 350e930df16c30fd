using TherapyPlatform.C3d;

namespace TherapyPlatform.Analytics.Tests.Support;

/// <summary>
/// Small GHOSTLY-shaped recordings made with the C3D writer: 990 Hz, 20 s, two muscles ("CHn Raw" with
/// 100 Hz bursts over noise and "CHn activated" steps over the same bursts).
/// </summary>
public static class RecordingFiles
{
    public const double Rate = 990;
    public const int Samples = 19_800;

    private static readonly (int Start, int End)[] Bursts = [(1980, 4950), (7920, 10890), (13860, 16830)];

    public static byte[] TwoMuscles() => new C3dWriter { AnalogRate = Rate, PointRate = 33 }
        .AddAnalog("CH1 Raw", Emg(seed: 1, amplitude: 1e-3))
        .AddAnalog("CH2 Raw", Emg(seed: 2, amplitude: 5e-4))
        .AddAnalog("CH1 activated", Activation())
        .AddAnalog("CH2 activated", Activation())
        .AddAnalog("Battery", new double[Samples])
        .ToArray();

    /// <summary>A valid C3D file with points only: nothing to analyse.</summary>
    public static byte[] WithoutAnalogs() => new C3dWriter { PointRate = 33 }
        .AddPoint("Head", Enumerable.Repeat(System.Numerics.Vector3.One, 100).ToArray())
        .ToArray();

    private static double[] Emg(int seed, double amplitude)
    {
        var random = new Random(seed);
        var samples = new double[Samples];
        for (var i = 0; i < Samples; i++)
        {
            var burst = Bursts.Any(b => i >= b.Start && i < b.End);
            samples[i] = (random.NextDouble() - 0.5) * amplitude * 0.02
                + (burst ? amplitude * Math.Sin(2 * Math.PI * 100 * i / Rate) : 0);
        }

        return samples;
    }

    private static double[] Activation() =>
        Enumerable.Range(0, Samples).Select(i => Bursts.Any(b => i >= b.Start && i < b.End) ? 2e-4 : 0).ToArray();
}
