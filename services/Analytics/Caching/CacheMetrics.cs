using System.Diagnostics.Metrics;
using TherapyPlatform.Analytics.Telemetry;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>Cache meters of this replica (the shared totals live in Redis, see <see cref="CacheStatistics"/>).</summary>
public static class CacheMetrics
{
    public static readonly Counter<long> Hits = AnalyticsTelemetry.Meter.CreateCounter<long>(
        "analytics.cache.hits", description: "Analytics reads answered from the cache, by cache.layer (memory or redis)");

    public static readonly Counter<long> Misses = AnalyticsTelemetry.Meter.CreateCounter<long>(
        "analytics.cache.misses", description: "Analytics reads Redis did not have");

    public static readonly Counter<long> Bypasses = AnalyticsTelemetry.Meter.CreateCounter<long>(
        "analytics.cache.bypasses", description: "Analytics reads that skipped an unreachable Redis");

    public static readonly Histogram<double> ReadDuration = AnalyticsTelemetry.Meter.CreateHistogram<double>(
        "analytics.cache.read.duration", unit: "ms", description: "Time of an analytics read, by cache.layer and cache.hit");
}
