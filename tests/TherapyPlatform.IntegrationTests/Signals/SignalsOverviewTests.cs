using System.Buffers.Binary;
using System.Net.Http.Json;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.IntegrationTests.Infrastructure;

namespace TherapyPlatform.IntegrationTests.Signals;

/// <summary>Overviews precomputed by Signals' consumer of <c>SessionAnalyzed</c>, in Redis, and replaced by a re-analysis.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SignalsOverviewTests(PlatformFixture platform) : IDisposable
{
    private readonly SignalsPlatform signals = new(platform);

    [Fact]
    public async Task After_analysis_the_overviews_are_in_redis_and_the_first_request_is_a_hit()
    {
        var sessionId = await signals.AnalyzedSessionAsync(SignalsPlatform.GeneratedFile(seed: 7002));
        var redis = await signals.RedisAsync();

        // Only the consumer writes this key before any request asks for the CH2 envelope.
        await SignalsPlatform.WaitForRedisValueAsync(redis, CacheKeys.Overview(sessionId, "CH2 Raw", "envelope"), _ => true);
        using var response = await signals.Signals.GetAsync($"/api/sessions/{sessionId}/signals/CH2%20Raw?kind=envelope");

        response.EnsureSuccessStatusCode();
        Assert.Equal("hit", response.Headers.GetValues("X-Cache").Single());
        Assert.Contains(response.Headers.GetValues("X-Cache-Layer").Single(), new[] { "memory", "redis" });
        Assert.True((await redis.KeyTimeToLiveAsync(CacheKeys.Overview(sessionId, "CH2 Raw", "envelope"))) > TimeSpan.Zero);
        foreach (var (channel, kind) in new[] { ("CH1 Raw", "raw"), ("CH1 Raw", "envelope"), ("CH1 activated", "activated"), ("CH2 activated", "activated") })
        {
            Assert.True(await redis.KeyExistsAsync(CacheKeys.Overview(sessionId, channel, kind)), $"no overview of {channel} {kind}");
        }
    }

    [Fact]
    public async Task A_reanalysis_replaces_the_overviews()
    {
        var sessionId = await signals.AnalyzedSessionAsync(SignalsPlatform.GeneratedFile(seed: 7003));
        var redis = await signals.RedisAsync();
        var key = CacheKeys.Overview(sessionId, "CH1 Raw", "raw");
        var first = await SignalsPlatform.WaitForRedisValueAsync(redis, key, _ => true);
        var firstRequest = BinaryPrimitives.ReadInt32BigEndian(first);

        using var reanalysis = await signals.Ingestion.PostAsJsonAsync($"/api/sessions/{sessionId}/reanalyze", new { });
        reanalysis.EnsureSuccessStatusCode();
        await signals.AssertAnalyzedAsync(sessionId);

        var replaced = await SignalsPlatform.WaitForRedisValueAsync(redis, key, value => BinaryPrimitives.ReadInt32BigEndian(value) == firstRequest + 1);
        Assert.Equal(first.AsSpan(4).ToArray(), replaced.AsSpan(4).ToArray()); // same file: same points, newer request
    }

    public void Dispose() => signals.Dispose();
}
