using System.Security.Cryptography;
using TherapyPlatform.C3d;

namespace TherapyPlatform.Signals.Tests.Support;

/// <summary>GHOSTLY-shaped files from the C3D writer: 990 Hz analogs, "CHn Raw" EMG and "CHn activated" steps.</summary>
internal static class TestRecordings
{
    public const double Rate = 990;

    /// <summary>
    /// <paramref name="seconds"/> of two muscles: CH1 a 60 Hz sine with one spike up at <paramref name="spikeAt"/>
    /// (+5 mV) and one down 1 s later (-4 mV), CH2 a slower sine, both with their activated channel.
    /// </summary>
    public static byte[] Ghostly(double seconds = 20, int spikeAt = 4321)
    {
        var samples = (int)(seconds * Rate);
        var ch1 = Wave(samples, 60, 1e-3);
        ch1[spikeAt] = 5e-3;
        ch1[spikeAt + (int)Rate] = -4e-3;
        var ch2 = Wave(samples, 35, 5e-4);
        return new C3dWriter { AnalogRate = Rate, PointRate = 33 }
            .AddAnalog("CH1 Raw", ch1)
            .AddAnalog("CH2 Raw", ch2)
            .AddAnalog("CH1 activated", Steps(samples, 0.2))
            .AddAnalog("CH2 activated", Steps(samples, 0.6))
            .ToArray();
    }

    /// <summary>A file whose channels are not muscles by name: each becomes a raw channel of its own.</summary>
    public static byte[] Unnamed(int samples, params string[] labels)
    {
        var writer = new C3dWriter { AnalogRate = Rate, PointRate = 33 };
        foreach (var label in labels)
        {
            writer.AddAnalog(label, Wave(samples, 50, 1e-3));
        }

        return writer.ToArray();
    }

    public static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static double[] Wave(int samples, double hz, double amplitude)
    {
        var values = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            values[i] = amplitude * Math.Sin(2 * Math.PI * hz * i / Rate) * (1 + (0.3 * Math.Sin(i * 0.0007)));
        }

        return values;
    }

    /// <summary>0 except for a 1 s step at the given fraction of the recording.</summary>
    private static double[] Steps(int samples, double at)
    {
        var values = new double[samples];
        var start = (int)(at * samples);
        for (var i = start; i < Math.Min(samples, start + (int)Rate); i++)
        {
            values[i] = 2e-4;
        }

        return values;
    }
}
