using System.Diagnostics;
using System.Diagnostics.Metrics;
using TherapyPlatform.Signals.Telemetry;

namespace TherapyPlatform.Signals.Caching;

/// <summary>Where a cached entry lives: this process's memory or Redis (shared by replicas, survives restarts).</summary>
internal static class CacheLayers
{
    public const string Memory = "memory";
    public const string Redis = "redis";
}

/// <summary>
/// One cache read: a span with <c>cache.layer</c>, <c>cache.key</c>, <c>cache.entry</c> and, when it ends,
/// <c>cache.hit</c> (plus <c>cache.bypass</c> when the layer could not be asked), and the hit/miss counters and
/// lookup-latency histogram tagged by layer and entry.
/// </summary>
internal sealed class CacheLookup : IDisposable
{
    private static readonly Counter<long> Hits = SignalsTelemetry.Meter.CreateCounter<long>(
        "signals.cache.hits", "{lookup}", "Cache lookups that found their entry.");

    private static readonly Counter<long> Misses = SignalsTelemetry.Meter.CreateCounter<long>(
        "signals.cache.misses", "{lookup}", "Cache lookups that did not find their entry (or could not ask).");

    private static readonly Histogram<double> Duration = SignalsTelemetry.Meter.CreateHistogram<double>(
        "signals.cache.lookup.duration", "ms", "Time of one cache lookup.");

    private readonly Activity? activity;
    private readonly string layer;
    private readonly string entry;
    private readonly long started = Stopwatch.GetTimestamp();
    private bool ended;

    private CacheLookup(string layer, string entry, string key)
    {
        this.layer = layer;
        this.entry = entry;
        activity = SignalsTelemetry.Source.StartActivity($"cache {layer} {entry}", ActivityKind.Internal);
        activity?.SetTag("cache.layer", layer);
        activity?.SetTag("cache.entry", entry);
        activity?.SetTag("cache.key", key);
    }

    /// <param name="layer">One of <see cref="CacheLayers"/>.</param>
    /// <param name="entry">What is looked up: metadata, recording, envelope, overview.</param>
    /// <param name="key">The cache key.</param>
    public static CacheLookup Start(string layer, string entry, string key) => new(layer, entry, key);

    public void Hit() => End(hit: true, bypassReason: null);

    public void Miss() => End(hit: false, bypassReason: null);

    /// <summary>The layer could not be asked (Redis down): counted as a miss, marked so it is told apart in traces.</summary>
    public void Bypass(string reason) => End(hit: false, reason);

    /// <summary>A lookup abandoned by an exception still ends its span, as a miss.</summary>
    public void Dispose() => End(hit: false, bypassReason: null);

    private void End(bool hit, string? bypassReason)
    {
        if (ended)
        {
            return;
        }

        ended = true;
        var tags = new TagList { { "cache.layer", layer }, { "cache.entry", entry }, { "cache.hit", hit } };
        (hit ? Hits : Misses).Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        if (activity is not null)
        {
            activity.SetTag("cache.hit", hit);
            if (bypassReason is not null)
            {
                activity.SetTag("cache.bypass", true);
                activity.SetStatus(ActivityStatusCode.Error, bypassReason);
            }

            activity.Dispose();
        }
    }
}
