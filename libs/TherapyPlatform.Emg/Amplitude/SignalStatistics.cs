namespace TherapyPlatform.Emg.Amplitude;

/// <summary>Whole-signal amplitude statistics (raw signal, DC included).</summary>
public static class SignalStatistics
{
    /// <summary>sqrt(mean(x^2)); 0 for an empty signal.</summary>
    public static double Rms(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>mean(|x|); 0 for an empty signal.</summary>
    public static double Mav(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var v in x)
        {
            sum += Math.Abs(v);
        }

        return sum / x.Length;
    }

    public static double Mean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v;
        }

        return sum / x.Length;
    }

    /// <summary>Population standard deviation (numpy's default, ddof 0); NaN when x holds NaN.</summary>
    public static double PopulationStd(ReadOnlySpan<double> x) => Math.Sqrt(SquaredDeviations(x) / x.Length);

    /// <summary>Sample standard deviation (ddof 1).</summary>
    public static double SampleStd(ReadOnlySpan<double> x) => Math.Sqrt(SquaredDeviations(x) / (x.Length - 1));

    private static double SquaredDeviations(ReadOnlySpan<double> x)
    {
        var mean = Mean(x);
        var sum = 0.0;
        foreach (var v in x)
        {
            var d = v - mean;
            sum += d * d;
        }

        return sum;
    }
}
