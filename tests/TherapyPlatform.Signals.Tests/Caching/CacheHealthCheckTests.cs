using Microsoft.Extensions.Diagnostics.HealthChecks;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Signals.Tests.Caching;

public sealed class CacheHealthCheckTests : IAsyncLifetime
{
    private readonly LocalRedis redis = new();
    private readonly SignalsMemoryCache memory = new(
        Microsoft.Extensions.Options.Options.Create(new SignalsOptions { MemoryCacheMegabytes = 32 }), TimeProvider.System);

    public Task InitializeAsync() => redis.InitializeAsync();

    [RedisFact]
    public async Task Connected_Redis_is_healthy_with_its_round_trip_and_the_memory_cache_use()
    {
        memory.Set("recording:a", new double[10], 80, null);

        var result = await new CacheHealthCheck(redis.Connection!, memory).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(true, result.Data["connected"]);
        Assert.True(result.Data.ContainsKey("latencyMs"));
        Assert.Equal(80L, result.Data["memoryCacheBytes"]);
        Assert.Equal(32L * 1024 * 1024, result.Data["memoryCacheCapacityBytes"]);
    }

    [RedisFact]
    public async Task Redis_down_is_degraded_not_unhealthy_since_series_are_still_answered()
    {
        redis.Stop();

        var result = await new CacheHealthCheck(redis.Connection!, memory).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal(false, result.Data["connected"]);
        Assert.Contains("answered from memory and the file store", result.Description, StringComparison.Ordinal);
    }

    public Task DisposeAsync() => redis.DisposeAsync();
}
