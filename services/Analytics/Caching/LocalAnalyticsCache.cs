using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TherapyPlatform.Analytics.ReadModel;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// This replica's memory layer in front of Redis: the analytics documents it read from Redis lately, so a hit
/// needs no network round trip. Whoever changes or drops an entry in Redis publishes an eviction
/// (<see cref="CacheEvictions"/>), which every replica applies here; entries also expire after
/// <see cref="CacheOptions.LocalTtlSeconds"/>. While evictions cannot arrive (before the subscription, or while its
/// connection is down) the layer is paused: it answers nothing, keeps nothing, and starts empty again afterwards.
/// </summary>
public sealed class LocalAnalyticsCache : IDisposable
{
    private readonly MemoryCache entries;
    private readonly TimeSpan lifetime;

    /// <summary>Bumped by every eviction, so a Redis read that raced one does not store what it read.</summary>
    private long generation;

    private volatile bool paused = true;

    public LocalAnalyticsCache(IOptions<CacheOptions> options) : this(options.Value, clock: null)
    {
    }

    internal LocalAnalyticsCache(CacheOptions options, Microsoft.Extensions.Internal.ISystemClock? clock)
    {
        lifetime = TimeSpan.FromSeconds(options.LocalTtlSeconds);
        CapacityBytes = options.LocalSizeMegabytes * 1024L * 1024L;
        entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = CapacityBytes, Clock = clock, TrackStatistics = true });
    }

    public bool Enabled => lifetime > TimeSpan.Zero;

    public bool Paused => paused;

    /// <summary>For <c>/health</c>: <c>on</c>, <c>paused</c> (evictions cannot arrive) or <c>off</c> (configured so).</summary>
    public string State => !Enabled ? "off" : paused ? "paused" : "on";

    public long Count => entries.Count;

    /// <summary>The JSON bytes held (each entry is sized by its body).</summary>
    public long EstimatedBytes => entries.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public long CapacityBytes { get; }

    /// <summary>Taken before a Redis read and handed to <see cref="Store"/> with what it read.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(Guid sessionId, out RenderedAnalytics? analytics)
    {
        analytics = null;
        return !paused && entries.TryGetValue(sessionId, out analytics);
    }

    /// <summary>Keeps what a Redis read returned, unless an eviction came after <paramref name="readGeneration"/>.</summary>
    public void Store(RenderedAnalytics analytics, long readGeneration)
    {
        if (!Enabled || paused || Generation != readGeneration)
        {
            return;
        }

        entries.Set(analytics.SessionId, analytics, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = lifetime,
            Size = analytics.Json.Length,
        });

        // An eviction between the check above and the Set bumped the generation before it removed anything:
        // take the entry out again rather than keep what that eviction meant to drop.
        if (Generation != readGeneration)
        {
            entries.Remove(analytics.SessionId);
        }
    }

    /// <summary>Drops one session's entry, or every entry when <paramref name="sessionId"/> is null.</summary>
    public void Evict(Guid? sessionId)
    {
        Interlocked.Increment(ref generation);
        if (sessionId is { } id)
        {
            entries.Remove(id);
        }
        else
        {
            entries.Clear();
        }
    }

    /// <summary>Evictions may be missed from now on: answer nothing until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        paused = true;
        Evict(null);
    }

    /// <summary>Evictions arrive again; what was kept before may have missed some, so start empty.</summary>
    public void Resume()
    {
        Evict(null);
        paused = false;
    }

    public void Dispose() => entries.Dispose();
}
