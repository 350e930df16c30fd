namespace TherapyPlatform.Emg.Amplitude;

/// <summary>Whole-signal amplitude statistics (raw signal, DC included), summed in numpy's order.</summary>
public static class SignalStatistics
{
    /// <summary>sqrt(mean(x^2)); 0 for an empty signal.</summary>
    public static double Rms(ReadOnlySpan<double> x) => x.IsEmpty ? 0 : Math.Sqrt(PairwiseSum.SumOfSquares(x) / x.Length);

    /// <summary>mean(|x|); 0 for an empty signal.</summary>
    public static double Mav(ReadOnlySpan<double> x) => x.IsEmpty ? 0 : PairwiseSum.SumOfAbsolutes(x) / x.Length;

    public static double Mean(ReadOnlySpan<double> x) => PairwiseSum.Sum(x) / x.Length;

    /// <summary>Population standard deviation (numpy's default, ddof 0); NaN when x holds NaN.</summary>
    public static double PopulationStd(ReadOnlySpan<double> x) => Math.Sqrt(PairwiseSum.SumOfSquaredDeviations(x, Mean(x)) / x.Length);

    /// <summary>Sample standard deviation (ddof 1).</summary>
    public static double SampleStd(ReadOnlySpan<double> x) => Math.Sqrt(PairwiseSum.SumOfSquaredDeviations(x, Mean(x)) / (x.Length - 1));
}
