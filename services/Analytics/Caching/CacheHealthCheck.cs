using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// The cache block of <c>/health</c>: connected, round-trip latency, hit rate, entries, memory. It replaces the
/// Aspire Redis client's own check (kept under its name), which would call the service Unhealthy when Redis is
/// down although every read is still answered from the read model: here that is Degraded. The memory layer's
/// figures are this replica's own.
/// </summary>
public sealed class CacheHealthCheck(IConnectionMultiplexer redis, CacheStatistics statistics, LocalAnalyticsCache local) : IHealthCheck
{
    public const string Name = "StackExchange.Redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return Degraded();
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            var stats = await statistics.ReadAsync(sessionId: null, top: 0);
            var data = Data(connected: true);
            data["latencyMs"] = Math.Round(latency.TotalMilliseconds, 3);
            data["hitRate"] = stats.HitRate ?? 0;
            data["hits"] = stats.Hits;
            data["misses"] = stats.Misses;
            data["errors"] = stats.Errors;
            data["entries"] = stats.Entries;
            data["usedMemoryBytes"] = stats.UsedMemoryBytes;
            return HealthCheckResult.Healthy("Redis cache connected", data);
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            return Degraded();
        }
    }

    private HealthCheckResult Degraded() => HealthCheckResult.Degraded(
        "Redis is unreachable: analytics are answered from the read model (X-Cache: bypass)", data: Data(connected: false));

    private Dictionary<string, object> Data(bool connected) => new()
    {
        ["connected"] = connected,
        ["memoryLayer"] = local.State,
        ["memoryLayerEntries"] = local.Count,
        ["memoryLayerBytes"] = local.EstimatedBytes,
        ["memoryLayerCapacityBytes"] = local.CapacityBytes,
    };
}
