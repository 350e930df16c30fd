using TherapyPlatform.Contracts.Caching;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// Analytics' own bookkeeping keys beside the shared scheme of <see cref="CacheKeys"/>, under <c>therapy:cache:</c>:
/// counters every replica adds to, per-session access counts and times, and an index of cached sessions by
/// expiry time (so counting entries needs no key scan).
/// </summary>
public static class CacheStatisticsKeys
{
    /// <summary>Hash: <c>hits</c>, <c>misses</c>, <c>errors</c>.</summary>
    public const string Counters = CacheKeys.Prefix + "cache:analytics:stats";

    /// <summary>Hash: session id -> number of analytics reads.</summary>
    public const string AccessCounts = CacheKeys.Prefix + "cache:analytics:access-count";

    /// <summary>Hash: session id -> last read, Unix milliseconds.</summary>
    public const string LastAccess = CacheKeys.Prefix + "cache:analytics:last-access";

    /// <summary>Sorted set: session id scored by the Unix milliseconds its entry expires.</summary>
    public const string Index = CacheKeys.Prefix + "cache:analytics:index";

    public const string AnalyticsPattern = CacheKeys.Prefix + "session:*:analytics";
    public const string MetadataPattern = CacheKeys.Prefix + "session:*:metadata";
}
