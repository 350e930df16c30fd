using TherapyPlatform.Emg.Amplitude;

namespace TherapyPlatform.Emg.Temporal;

/// <summary>
/// Statistics of one metric over the temporal windows where it is defined. Everything but
/// <see cref="ValidWindows"/> is null when too few windows are valid; the coefficient of variation is
/// null when the mean is 0.
/// </summary>
public sealed record MetricStatistics(
    double? MeanValue,
    double? StdValue,
    double? MinValue,
    double? MaxValue,
    int ValidWindows,
    double? CoefficientOfVariation)
{
    /// <summary>Summarises the non-null values; std uses ddof 1.</summary>
    public static MetricStatistics Of(ReadOnlySpan<double?> values, int minValidWindows)
    {
        Span<double> valid = values.Length <= 2048 ? stackalloc double[values.Length] : new double[values.Length];
        var count = 0;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                valid[count++] = v;
            }
        }

        if (count < minValidWindows || count == 0)
        {
            return new MetricStatistics(null, null, null, null, count, null);
        }

        valid = valid[..count];
        var mean = SignalStatistics.Mean(valid);
        var std = count > 1 ? SignalStatistics.SampleStd(valid) : 0.0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in valid)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return new MetricStatistics(mean, std, min, max, count, mean != 0 ? std / mean : null);
    }
}
