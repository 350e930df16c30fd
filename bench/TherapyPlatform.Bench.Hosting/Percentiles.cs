namespace TherapyPlatform.Bench.Hosting;

public static class Percentiles
{
    /// <summary>The nearest-rank percentile (p in 0..1) of the values; NaN when there are none.</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
