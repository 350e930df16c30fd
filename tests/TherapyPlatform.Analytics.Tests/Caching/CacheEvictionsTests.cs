using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Analytics.Tests.Caching;

public sealed class CacheEvictionsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly RedisChannel Channel = RedisChannel.Literal(CacheKeys.AnalyticsEvictions);

    private readonly LocalRedis redis = new();
    private readonly LocalAnalyticsCache local = new(Microsoft.Extensions.Options.Options.Create(new CacheOptions()));
    private CacheEvictions? evictions;

    public async Task InitializeAsync()
    {
        await redis.InitializeAsync();
        if (redis.Connection is { } connection)
        {
            evictions = new CacheEvictions(connection, local, NullLogger<CacheEvictions>.Instance);
            await evictions.StartAsync(CancellationToken.None);
        }
    }

    [RedisFact]
    public async Task The_layer_turns_on_once_its_probe_came_back_and_applies_published_evictions()
    {
        var (kept, evicted) = await TwoEntriesOnceOnAsync();

        await CacheEvictions.PublishAsync(redis.Connection!.GetDatabase(), evicted.SessionId);

        await UntilAsync(() => !local.TryGet(evicted.SessionId, out _));
        Assert.True(local.TryGet(kept.SessionId, out _));
    }

    [RedisFact]
    public async Task Another_replicas_probe_evicts_nothing_and_does_not_resume_a_paused_layer()
    {
        var (kept, barrier) = await TwoEntriesOnceOnAsync();
        var database = redis.Connection!.GetDatabase();

        await database.PublishAsync(Channel, CacheEvictions.ProbePrefix + "another-replica");
        await CacheEvictions.PublishAsync(database, barrier.SessionId);
        await UntilAsync(() => !local.TryGet(barrier.SessionId, out _));
        Assert.True(local.TryGet(kept.SessionId, out _));

        local.Pause();
        var paused = local.Generation;
        await database.PublishAsync(Channel, CacheEvictions.ProbePrefix + "another-replica");
        await CacheEvictions.PublishAsync(database, barrier.SessionId);
        await UntilAsync(() => local.Generation > paused);
        Assert.True(local.Paused);
    }

    [RedisFact]
    public async Task A_lost_subscription_pauses_the_layer_until_the_client_has_subscribed_again()
    {
        await UntilAsync(() => !local.Paused);
        var connection = redis.Connection!;
        var held = Document();
        local.Store(held, local.Generation);

        // Redis drops the client's subscription connection; the client reconnects and subscribes again by itself.
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redis.Port},allowAdmin=true");
        await admin.GetServers().Single().ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
        await UntilAsync(() => local.Paused);
        Assert.False(local.TryGet(held.SessionId, out _));

        await UntilAsync(() => !local.Paused);
        var evicted = Document();
        local.Store(evicted, local.Generation);
        await CacheEvictions.PublishAsync(connection.GetDatabase(), evicted.SessionId);
        await UntilAsync(() => !local.TryGet(evicted.SessionId, out _));
    }

    public async Task DisposeAsync()
    {
        if (evictions is not null)
        {
            await evictions.StopAsync(CancellationToken.None);
        }

        await redis.DisposeAsync();
    }

    public void Dispose()
    {
        evictions?.Dispose();
        local.Dispose();
    }

    /// <summary>Waits until the layer is on, then stores two entries in it.</summary>
    private async Task<(RenderedAnalytics, RenderedAnalytics)> TwoEntriesOnceOnAsync()
    {
        await UntilAsync(() => !local.Paused);
        var (first, second) = (Document(), Document());
        local.Store(first, local.Generation);
        local.Store(second, local.Generation);
        return (first, second);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static RenderedAnalytics Document() => new(Guid.NewGuid(), 1, "\"1-00\"", "{}"u8.ToArray(), "P042");
}
