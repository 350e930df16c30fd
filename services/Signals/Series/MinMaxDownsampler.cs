namespace TherapyPlatform.Signals.Series;

/// <summary>
/// Peak-preserving downsampling by min/max per bucket (M4-like): the window is cut into maxPoints / 2 equal runs of
/// samples and each run gives its smallest and its largest sample, in time order, at their own sample times.
/// Chosen over LTTB because it guarantees what the plots promise: every bucket's extremes survive, so the window's
/// min and max always do (LTTB picks by triangle area and can drop a peak), and a line through the points covers
/// exactly the pixels the full signal would (EMG is dense noise where LTTB's shape heuristic buys nothing). It is
/// also a single O(n) pass with no floating-point area sums, so results are exact and identical on every call.
/// </summary>
internal static class MinMaxDownsampler
{
    public const int MinimumPoints = 2;

    public static SignalSeries Downsample(ReadOnlySpan<double> samples, double rate, SampleWindow window, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, MinimumPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window.End, samples.Length);
        var part = samples.Slice(window.First, window.Count);
        if (part.Length <= maxPoints)
        {
            var indices = new int[part.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                indices[i] = window.First + i;
            }

            return new SignalSeries(rate, samples.Length, window, 0, indices, part.ToArray());
        }

        var buckets = maxPoints / 2;
        var pointIndices = new int[2 * buckets];
        var pointValues = new double[2 * buckets];
        var points = 0;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var start = (int)((long)bucket * part.Length / buckets);
            var end = (int)((long)(bucket + 1) * part.Length / buckets);
            var (low, high) = Extremes(part[start..end]);
            var (first, second) = low <= high ? (low, high) : (high, low);
            pointIndices[points] = window.First + start + first;
            pointValues[points++] = part[start + first];
            if (second != first)
            {
                pointIndices[points] = window.First + start + second;
                pointValues[points++] = part[start + second];
            }
        }

        return new SignalSeries(rate, samples.Length, window, buckets, pointIndices[..points], pointValues[..points]);
    }

    /// <summary>The offsets of the first smallest and first largest sample; NaN is never chosen over a number.</summary>
    private static (int Low, int High) Extremes(ReadOnlySpan<double> run)
    {
        int low = -1, high = -1;
        double min = 0, max = 0;
        for (var i = 0; i < run.Length; i++)
        {
            var value = run[i];
            if (double.IsNaN(value))
            {
                continue;
            }

            if (low < 0 || value < min)
            {
                min = value;
                low = i;
            }

            if (high < 0 || value > max)
            {
                max = value;
                high = i;
            }
        }

        // A run of NaN only: its first sample stands for it.
        return low < 0 ? (0, 0) : (low, high);
    }
}
