using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

public enum CacheOutcome
{
    Hit,
    Miss,

    /// <summary>Redis was not reachable (or timed out); the caller answers without it.</summary>
    Bypass,
}

/// <param name="Layer">Which layer answered: <c>memory</c> (this replica's) or <c>redis</c>.</param>
public sealed record CacheRead(CacheOutcome Outcome, RenderedAnalytics? Analytics, string Layer = AnalyticsCache.RedisLayer);

/// <summary>
/// The analytics documents in Redis (<see cref="CacheKeys.Analytics"/>, with <see cref="CacheKeys.Metadata"/>
/// beside them), read through this replica's memory layer (<see cref="LocalAnalyticsCache"/>). Every change to an
/// entry publishes its eviction. Reads never throw because of Redis: an unreachable Redis is a bypass of both
/// layers (the memory layer cannot hear evictions then), decided up front when the connection is known to be down.
/// </summary>
public sealed partial class AnalyticsCache(
    IConnectionMultiplexer redis, LocalAnalyticsCache local, IOptions<CacheOptions> options, TimeProvider time, ILogger<AnalyticsCache> logger)
{
    /// <summary>
    /// Stores both keys unless Redis holds a newer request's analysis (the request number heads the entry), and
    /// indexes the session by expiry, and publishes the session's eviction. Atomic, so racing writers (subscription,
    /// consumer, refill) cannot interleave and no replica can read the new entry before the eviction is out.
    /// </summary>
    private const string WriteScript = """
        local head = redis.call('GETRANGE', KEYS[1], 0, 31)
        local current = tonumber(string.match(head, '^v1 (%d+) '))
        if current and current > tonumber(ARGV[1]) then return 0 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
        redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
        redis.call('ZADD', KEYS[3], ARGV[5], ARGV[6])
        redis.call('PUBLISH', ARGV[7], ARGV[6])
        return 1
        """;

    public const string RedisLayer = "redis";
    public const string MemoryLayer = "memory";

    public bool IsConnected => redis.IsConnected;

    public async Task<CacheRead> ReadAsync(Guid sessionId)
    {
        var key = CacheKeys.Analytics(sessionId);
        using var activity = AnalyticsTelemetry.Source.StartActivity("cache read");
        activity?.SetTag("cache.key", key);
        var started = Stopwatch.GetTimestamp();
        var read = await TryReadAsync(sessionId, key);
        var hit = read.Outcome == CacheOutcome.Hit;
        activity?.SetTag("cache.layer", read.Layer);
        activity?.SetTag("cache.hit", hit);
        activity?.SetTag("cache.outcome", read.Outcome.ToString().ToLowerInvariant());
        CacheMetrics.ReadDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new("cache.layer", read.Layer),
            new("cache.hit", hit));
        return read;
    }

    /// <returns>True when stored, false when Redis already holds a newer request's analysis.</returns>
    public async Task<bool> WriteAsync(AnalyticsEntry cached)
    {
        var (analytics, metadata) = cached;
        var settings = options.Value;
        var key = CacheKeys.Analytics(analytics.SessionId);
        using var activity = AnalyticsTelemetry.Source.StartActivity("cache write");
        activity?.SetTag("cache.key", key);
        activity?.SetTag("cache.layer", RedisLayer);
        var entry = CacheEntryCodec.Encode(analytics, settings.Compression);
        var expiresAt = time.GetUtcNow().Add(settings.Ttl).ToUnixTimeMilliseconds();
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            WriteScript,
            [key, CacheKeys.Metadata(analytics.SessionId), CacheStatisticsKeys.Index],
            [
                analytics.RequestNumber,
                entry,
                JsonSerializer.SerializeToUtf8Bytes(metadata, AnalyticsJsonContext.Default.SessionMetadata),
                (long)settings.Ttl.TotalMilliseconds,
                expiresAt,
                analytics.SessionId.ToString("D"),
                CacheKeys.AnalyticsEvictions,
            ]);
        var stored = (int)result == 1;
        activity?.SetTag("cache.stored", stored);
        if (stored)
        {
            LogCached(logger, analytics.SessionId, entry.Length, analytics.RequestNumber);
        }
        else
        {
            LogSuperseded(logger, analytics.SessionId, analytics.RequestNumber);
        }

        return stored;
    }

    /// <summary>Drops one session's analytics and metadata, or every session's; the number of analytics entries removed.</summary>
    public async Task<long> InvalidateAsync(Guid? sessionId)
    {
        var database = redis.GetDatabase();
        if (sessionId is { } id)
        {
            var removed = await database.KeyDeleteAsync(CacheKeys.Analytics(id));
            await database.KeyDeleteAsync(CacheKeys.Metadata(id));
            await database.SortedSetRemoveAsync(CacheStatisticsKeys.Index, id.ToString("D"));
            await EvictAsync(database, id);
            return removed ? 1 : 0;
        }

        long count = 0;
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            count += await DeleteMatchingAsync(server, database, CacheStatisticsKeys.AnalyticsPattern);
            await DeleteMatchingAsync(server, database, CacheStatisticsKeys.MetadataPattern);
        }

        await database.KeyDeleteAsync(CacheStatisticsKeys.Index);
        await EvictAsync(database, null);
        return count;
    }

    private async Task<CacheRead> TryReadAsync(Guid sessionId, string key)
    {
        if (!redis.IsConnected)
        {
            return new CacheRead(CacheOutcome.Bypass, null);
        }

        if (local.TryGet(sessionId, out var held))
        {
            return new CacheRead(CacheOutcome.Hit, held, MemoryLayer);
        }

        var readGeneration = local.Generation;
        try
        {
            var value = (byte[]?)await redis.GetDatabase().StringGetAsync(key);
            if (value is null)
            {
                return new CacheRead(CacheOutcome.Miss, null);
            }

            if (CacheEntryCodec.Decode(sessionId, value) is { } analytics)
            {
                local.Store(analytics, readGeneration);
                return new CacheRead(CacheOutcome.Hit, analytics);
            }

            LogUnreadableEntry(logger, sessionId);
            return new CacheRead(CacheOutcome.Miss, null);
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            LogReadFailed(logger, sessionId, ex.GetType().Name);
            return new CacheRead(CacheOutcome.Bypass, null);
        }
    }

    /// <summary>This replica's memory layer at once (the caller reads it next), every replica's through the channel.</summary>
    private async Task EvictAsync(IDatabase database, Guid? sessionId)
    {
        local.Evict(sessionId);
        await CacheEvictions.PublishAsync(database, sessionId);
    }

    private static async Task<long> DeleteMatchingAsync(IServer server, IDatabase database, string pattern)
    {
        const int BatchSize = 500;
        long count = 0;
        var batch = new List<RedisKey>(BatchSize);
        await foreach (var key in server.KeysAsync(database.Database, pattern, BatchSize))
        {
            batch.Add(key);
            if (batch.Count == BatchSize)
            {
                count += await database.KeyDeleteAsync([.. batch]);
                batch.Clear();
            }
        }

        return batch.Count == 0 ? count : count + await database.KeyDeleteAsync([.. batch]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cached analytics for session {SessionId} ({Bytes} bytes, request {RequestNumber})")]
    private static partial void LogCached(ILogger logger, Guid sessionId, int bytes, int requestNumber);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Kept the cached analytics of session {SessionId}: it is newer than request {RequestNumber}")]
    private static partial void LogSuperseded(ILogger logger, Guid sessionId, int requestNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cached analytics of session {SessionId} are in an unknown format; treated as a miss")]
    private static partial void LogUnreadableEntry(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis read for session {SessionId} failed ({Error}); answering from the read model")]
    private static partial void LogReadFailed(ILogger logger, Guid sessionId, string error);
}
