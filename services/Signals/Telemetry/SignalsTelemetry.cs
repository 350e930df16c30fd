using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TherapyPlatform.Signals.Telemetry;

/// <summary>
/// The service's spans and meters, named like the application: ServiceDefaults exports the source of that name and
/// <c>AddSignalsServices</c> adds the meter.
/// </summary>
internal static class SignalsTelemetry
{
    public const string Name = "Signals";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> OverviewsPrecomputed = Meter.CreateCounter<long>(
        "signals.overviews.precomputed", "{series}", "Overview series written to Redis after an analysis.");

    public static readonly Histogram<double> FileLoadDuration = Meter.CreateHistogram<double>(
        "signals.file.load.duration", "ms", "Reading a session file from the file store and decoding its channels.");

    public static readonly Histogram<int> SeriesPoints = Meter.CreateHistogram<int>(
        "signals.series.points", "{point}", "Points per returned series.");
}
