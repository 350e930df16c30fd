namespace TherapyPlatform.Emg.Tests.Support;

/// <summary>Generated test signals with known properties.</summary>
public static class Signals
{
    public static double[] Sine(int n, double samplingRate, double frequency, double amplitude, double phase = 0)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = amplitude * Math.Sin((2 * Math.PI * frequency * i / samplingRate) + phase);
        }

        return x;
    }

    /// <summary>A sine of <paramref name="amplitude"/> inside the bursts [start, end) (samples), <paramref name="baseline"/> times it elsewhere.</summary>
    public static double[] SineBursts(int n, double samplingRate, double frequency, double amplitude, double baseline, params (int Start, int End)[] bursts)
    {
        var x = Sine(n, samplingRate, frequency, amplitude);
        var inside = new bool[n];
        foreach (var (start, end) in bursts)
        {
            Array.Fill(inside, true, start, end - start);
        }

        for (var i = 0; i < n; i++)
        {
            x[i] *= inside[i] ? 1 : baseline;
        }

        return x;
    }

    /// <summary>Zeros with <paramref name="level"/> on each [start, end).</summary>
    public static double[] Steps(int n, double level, params (int Start, int End)[] steps)
    {
        var x = new double[n];
        foreach (var (start, end) in steps)
        {
            Array.Fill(x, level, start, end - start);
        }

        return x;
    }

    public static double[] Noise(int n, double amplitude, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = amplitude * ((2 * random.NextDouble()) - 1);
        }

        return x;
    }
}
