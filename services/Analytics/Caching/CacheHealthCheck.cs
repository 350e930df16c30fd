using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// The cache block of <c>/health</c>: connected, round-trip latency, hit rate, entries, memory. It replaces the
/// Aspire Redis client's own check (kept under its name), which would call the service Unhealthy when Redis is
/// down although every read is still answered from the read model: here that is Degraded.
/// </summary>
public sealed class CacheHealthCheck(IConnectionMultiplexer redis, CacheStatistics statistics) : IHealthCheck
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
            return HealthCheckResult.Healthy("Redis cache connected", new Dictionary<string, object>
            {
                ["connected"] = true,
                ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 3),
                ["hitRate"] = stats.HitRate ?? 0,
                ["hits"] = stats.Hits,
                ["misses"] = stats.Misses,
                ["errors"] = stats.Errors,
                ["entries"] = stats.Entries,
                ["usedMemoryBytes"] = stats.UsedMemoryBytes,
            });
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            return Degraded();
        }
    }

    private static HealthCheckResult Degraded() => HealthCheckResult.Degraded(
        "Redis is unreachable: analytics are answered from the read model (X-Cache: bypass)",
        data: new Dictionary<string, object> { ["connected"] = false });
}
