namespace TherapyPlatform.Signals.Series;

/// <summary>
/// Points of one channel within a window, each at its own sample: point k is sample <c>SampleIndices[k]</c>, at
/// time SampleIndices[k] / rate, so the time axis stays exact whatever the downsampling did.
/// </summary>
/// <param name="SamplingRate">ANALOG:RATE, samples per second.</param>
/// <param name="TotalSamples">Samples of the whole channel.</param>
/// <param name="Window">The samples the points were taken from.</param>
/// <param name="Buckets">Min/max buckets the window was split into; 0 when every sample of the window is a point.</param>
internal sealed record SignalSeries(
    double SamplingRate,
    int TotalSamples,
    SampleWindow Window,
    int Buckets,
    int[] SampleIndices,
    double[] Values)
{
    public int PointCount => Values.Length;

    public bool IsDownsampled => Buckets > 0;

    /// <summary>The true length of the recording: samples / rate, never points / rate.</summary>
    public double DurationSeconds => TotalSamples / SamplingRate;

    public double WindowStartSeconds => Window.First / SamplingRate;

    public double WindowEndSeconds => Window.End / SamplingRate;

    /// <summary>The mean time between returned points: the sample interval when nothing was dropped.</summary>
    public double EffectiveIntervalSeconds => Window.Count / (double)PointCount / SamplingRate;

    public double TimeOf(int point) => SampleIndices[point] / SamplingRate;

    /// <summary>The smallest and largest value (NaN ignored); the window's own, since downsampling keeps both.</summary>
    public (double Min, double Max) Range()
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var value in Values)
        {
            if (!double.IsNaN(value))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        return (min, max);
    }
}
