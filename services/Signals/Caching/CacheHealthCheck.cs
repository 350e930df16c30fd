using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Signals.Caching;

/// <summary>
/// The cache block of <c>/health</c>: Redis connected and its round trip, and the memory cache's use. It replaces the
/// Aspire Redis client's own check (under the same name), which would call Signals Unhealthy when Redis is down
/// although every series is still answered from memory and the file store: here that is Degraded.
/// </summary>
internal sealed class CacheHealthCheck(IConnectionMultiplexer redis, SignalsMemoryCache memory) : IHealthCheck
{
    public const string Name = "StackExchange.Redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (redis.IsConnected)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy("Redis connected", Data(connected: true, latency));
            }
            catch (Exception e) when (RedisOutage.IsOutage(e))
            {
                // Reported below, like a connection that is already known to be down.
            }
        }

        return HealthCheckResult.Degraded(
            "Redis is unreachable: series are answered from memory and the file store, overviews are not shared",
            data: Data(connected: false, latency: null));
    }

    private Dictionary<string, object> Data(bool connected, TimeSpan? latency)
    {
        var data = new Dictionary<string, object>
        {
            ["connected"] = connected,
            ["memoryCacheBytes"] = memory.EstimatedBytes,
            ["memoryCacheCapacityBytes"] = memory.CapacityBytes,
        };
        if (latency is { } roundTrip)
        {
            data["latencyMs"] = Math.Round(roundTrip.TotalMilliseconds, 3);
        }

        return data;
    }
}
