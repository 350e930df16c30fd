using System.Globalization;
using StackExchange.Redis;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

public sealed record SessionAccess(Guid SessionId, long AccessCount, DateTimeOffset? LastAccess);

public sealed record CacheStatisticsSnapshot(
    bool Connected,
    long Hits,
    long Misses,
    long Errors,
    double? HitRate,
    long Entries,
    long UsedMemoryBytes,
    IReadOnlyList<SessionAccess> Sessions);

/// <summary>
/// Cache statistics shared by all replicas, kept in Redis (<see cref="CacheStatisticsKeys"/>). Recording is
/// pipelined and not awaited by the request: a hit pays one GET, and the counters follow right after.
/// </summary>
public sealed partial class CacheStatistics(IConnectionMultiplexer redis, TimeProvider time, ILogger<CacheStatistics> logger)
{
    private const string HitsField = "hits";
    private const string MissesField = "misses";
    private const string ErrorsField = "errors";

    /// <summary>Counts a read served from the cache (a hit) or from the read model after a miss; bypasses are not reads of the cache.</summary>
    public void RecordRead(Guid sessionId, CacheOutcome outcome)
    {
        if (outcome != CacheOutcome.Bypass)
        {
            _ = RecordReadAsync(sessionId, outcome == CacheOutcome.Hit ? HitsField : MissesField);
        }
    }

    /// <summary>Counts a failed Redis call, if Redis takes the count at all.</summary>
    public void RecordError()
    {
        if (redis.IsConnected)
        {
            redis.GetDatabase().HashIncrement(CacheStatisticsKeys.Counters, ErrorsField, flags: CommandFlags.FireAndForget);
        }
    }

    /// <param name="sessionId">Only this session's access; null for the most read sessions.</param>
    /// <param name="top">How many sessions to list when <paramref name="sessionId"/> is null.</param>
    public async Task<CacheStatisticsSnapshot> ReadAsync(Guid? sessionId, int top)
    {
        var database = redis.GetDatabase();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await database.SortedSetRemoveRangeByScoreAsync(CacheStatisticsKeys.Index, double.NegativeInfinity, now);
        var batch = database.CreateBatch();
        var countersTask = batch.HashGetAllAsync(CacheStatisticsKeys.Counters);
        var entriesTask = batch.SortedSetLengthAsync(CacheStatisticsKeys.Index);
        batch.Execute();
        var counters = (await countersTask).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
        List<(Guid Id, long Count)> accesses = sessionId is { } id
            ? await database.HashGetAsync(CacheStatisticsKeys.AccessCounts, id.ToString("D")) is { IsNull: false } count
                ? [(Id: id, Count: (long)count)]
                : []
            : top == 0 ? [] : (await database.HashGetAllAsync(CacheStatisticsKeys.AccessCounts))
                .Select(e => (Id: Guid.Parse(e.Name.ToString()), Count: (long)e.Value))
                .OrderByDescending(a => a.Count)
                .Take(top)
                .ToList();
        var lastAccess = accesses.Count == 0
            ? []
            : await database.HashGetAsync(CacheStatisticsKeys.LastAccess, [.. accesses.Select(a => (RedisValue)a.Id.ToString("D"))]);
        var hits = counters.GetValueOrDefault(HitsField);
        var misses = counters.GetValueOrDefault(MissesField);
        return new CacheStatisticsSnapshot(
            Connected: true,
            Hits: hits,
            Misses: misses,
            Errors: counters.GetValueOrDefault(ErrorsField),
            HitRate: hits + misses == 0 ? null : Math.Round((double)hits / (hits + misses), 4),
            Entries: await entriesTask,
            UsedMemoryBytes: await UsedMemoryAsync(),
            Sessions: accesses.Select((a, i) => new SessionAccess(
                a.Id, a.Count, lastAccess[i].IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)lastAccess[i]))).ToList());
    }

    private async Task<long> UsedMemoryAsync()
    {
        long total = 0;
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            var info = await server.InfoAsync("memory");
            var used = info.SelectMany(group => group).FirstOrDefault(pair => pair.Key == "used_memory").Value;
            total += long.TryParse(used, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : 0;
        }

        return total;
    }

    private async Task RecordReadAsync(Guid sessionId, string field)
    {
        try
        {
            var id = sessionId.ToString("D");
            var batch = redis.GetDatabase().CreateBatch();
            var counted = batch.HashIncrementAsync(CacheStatisticsKeys.Counters, field);
            var accessed = batch.HashIncrementAsync(CacheStatisticsKeys.AccessCounts, id);
            var stamped = batch.HashSetAsync(CacheStatisticsKeys.LastAccess, id, time.GetUtcNow().ToUnixTimeMilliseconds());
            batch.Execute();
            await Task.WhenAll(counted, stamped);
            var accessCount = await accessed;
            if (field == HitsField)
            {
                LogHit(logger, sessionId, accessCount);
            }
            else
            {
                LogMiss(logger, sessionId, accessCount);
            }
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            LogRecordFailed(logger, sessionId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache hit for session {SessionId} (accessed {AccessCount} times)")]
    private static partial void LogHit(ILogger logger, Guid sessionId, long accessCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache miss for session {SessionId} (accessed {AccessCount} times); refilling from the read model")]
    private static partial void LogMiss(ILogger logger, Guid sessionId, long accessCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cache statistics for session {SessionId} not recorded")]
    private static partial void LogRecordFailed(ILogger logger, Guid sessionId, Exception exception);
}
