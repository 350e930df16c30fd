using TherapyPlatform.Signals.Channels;

namespace TherapyPlatform.Signals.Series;

/// <summary>The JSON form of a series: its facts, then the points as parallel time (s) and value arrays.</summary>
/// <param name="DurationSeconds">The whole recording: samples per channel / ANALOG:RATE.</param>
/// <param name="Downsampling"><c>none</c>, or <c>min-max</c> (each bucket's smallest and largest sample).</param>
/// <param name="EffectiveIntervalSeconds">Mean time between the returned points; 1 / rate when nothing was dropped.</param>
/// <param name="Min">The smallest value of the window (kept by the downsampling); null when the window holds only NaN.</param>
/// <param name="Max">The largest value of the window.</param>
internal sealed record SeriesResponse(
    Guid SessionId,
    string Channel,
    string Kind,
    string Muscle,
    double SamplingRate,
    double SampleIntervalSeconds,
    int SamplesPerChannel,
    double DurationSeconds,
    SeriesWindow Window,
    string Downsampling,
    int Buckets,
    int PointCount,
    double EffectiveIntervalSeconds,
    double? Min,
    double? Max,
    double[] Time,
    double[] Values)
{
    public const string NoDownsampling = "none";
    public const string MinMaxDownsampling = "min-max";

    public static SeriesResponse From(ServedSeries served)
    {
        ArgumentNullException.ThrowIfNull(served);
        var series = served.Series;
        var time = new double[series.PointCount];
        for (var i = 0; i < time.Length; i++)
        {
            time[i] = series.TimeOf(i);
        }

        var (min, max) = series.Range();
        return new SeriesResponse(
            served.Session.SessionId,
            served.Channel.Source.Name,
            served.Channel.Kind.Name(),
            served.Channel.Source.Muscle,
            series.SamplingRate,
            1 / series.SamplingRate,
            series.TotalSamples,
            series.DurationSeconds,
            new SeriesWindow(series.WindowStartSeconds, series.WindowEndSeconds, series.Window.First, series.Window.Count),
            series.IsDownsampled ? MinMaxDownsampling : NoDownsampling,
            series.Buckets,
            series.PointCount,
            series.EffectiveIntervalSeconds,
            double.IsFinite(min) ? min : null,
            double.IsFinite(max) ? max : null,
            time,
            series.Values);
    }
}

/// <param name="From">Time of the first sample of the window (s).</param>
/// <param name="To">End of the window (s, exclusive): time of the sample after its last.</param>
internal sealed record SeriesWindow(double From, double To, int FirstSample, int SampleCount);
