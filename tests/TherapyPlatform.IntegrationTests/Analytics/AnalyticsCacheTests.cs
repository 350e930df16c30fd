using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Analytics;

/// <summary>The analytics API and its Redis read cache on the running platform, with real GHOSTLY files.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsCacheTests(PlatformFixture platform) : IDisposable
{
    private readonly AnalyticsPlatform analytics = new(platform);

    [SharedDataFact]
    public async Task First_read_after_analysis_is_a_hit_with_the_golden_values()
    {
        const string name = "Ghostly_Emg_20230321_17-23-09-0409";
        var sessionId = await analytics.AnalyzedSessionAsync(AnalyticsPlatform.GhostlyFile(name), name + ".c3d");

        using var response = await analytics.GetAnalyticsAsync(sessionId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hit", AnalyticsPlatform.CacheOutcomeOf(response));
        Assert.NotNull(response.Headers.ETag);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal(sessionId, root.GetProperty("sessionId").GetGuid());
        var golden = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("emg-golden", name + ".json"))).RootElement;
        GoldenValues.AssertChannelsMatch(golden.GetProperty("channels"), root.GetProperty("analysis").GetProperty("channels"));
        var metadata = root.GetProperty("metadata");
        Assert.Equal(golden.GetProperty("file_facts").GetProperty("samples_per_channel").GetInt32(), metadata.GetProperty("samplesPerChannel").GetInt32());
        Assert.Equal(["CH1 Raw", "CH2 Raw", "CH1 activated", "CH2 activated"],
            metadata.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [SharedDataFact]
    public async Task After_invalidation_a_read_misses_then_hits_with_the_same_body()
    {
        const string name = "Ghostly_Emg_20231004_13-18-43-0464";
        var sessionId = await analytics.AnalyzedSessionAsync(AnalyticsPlatform.GhostlyFile(name), name + ".c3d");
        using var cached = await analytics.GetAnalyticsUntilAsync(sessionId, "hit");
        var cachedBody = await cached.Content.ReadAsStringAsync();
        await analytics.WaitForCacheSubscriptionAsync(sessionId);

        using var invalidated = await analytics.InvalidateAsync(new { sessionId });
        Assert.Equal(HttpStatusCode.OK, invalidated.StatusCode);
        using var miss = await analytics.GetAnalyticsAsync(sessionId);
        using var hit = await analytics.GetAnalyticsUntilAsync(sessionId, "hit");

        Assert.Equal("miss", AnalyticsPlatform.CacheOutcomeOf(miss));
        Assert.Equal(cachedBody, await miss.Content.ReadAsStringAsync());
        Assert.Equal("hit", AnalyticsPlatform.CacheOutcomeOf(hit));
        Assert.Equal(cachedBody, await hit.Content.ReadAsStringAsync());
        Assert.Equal(cached.Headers.ETag, hit.Headers.ETag);
    }

    [SharedDataFact]
    public async Task Invalidation_reaches_every_replicas_memory_layer()
    {
        const string name = "Ghostly_Emg_20231004_13-18-43-0464";
        var sessionId = await analytics.AnalyzedSessionAsync(AnalyticsPlatform.GhostlyFile(name), name + ".c3d");
        (await analytics.GetAnalyticsUntilAsync(sessionId, "hit")).Dispose();
        await analytics.WaitForCacheSubscriptionAsync(sessionId);
        Assert.True(await analytics.UntilMemoryHitsAsync(sessionId, wanted: 6), "no run of memory hits");

        (await analytics.InvalidateAsync(new { sessionId })).Dispose();
        // Whichever replica answers had the entry in memory (the other one heard of the invalidation through
        // Redis only); neither may answer from there what Redis no longer has.
        using var read = await analytics.GetAnalyticsAsync(sessionId);

        Assert.Equal(("miss", "none"), (AnalyticsPlatform.CacheOutcomeOf(read), AnalyticsPlatform.CacheLayerOf(read)));
    }

    [SharedDataFact]
    public async Task Invalidating_everything_empties_the_cache()
    {
        const string name = "Ghostly_Emg_20231004_13-18-43-0464";
        var sessionId = await analytics.AnalyzedSessionAsync(AnalyticsPlatform.GhostlyFile(name), name + ".c3d");
        (await analytics.GetAnalyticsUntilAsync(sessionId, "hit")).Dispose();
        await analytics.WaitForCacheSubscriptionAsync(sessionId);

        using var invalidated = await analytics.InvalidateAsync(new { all = true });
        var removed = (await invalidated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("removed").GetInt64();
        var entries = (await analytics.StatsAsync()).GetProperty("entries").GetInt64();
        using var miss = await analytics.GetAnalyticsAsync(sessionId);

        Assert.True(removed >= 1, $"removed {removed}");
        Assert.Equal("miss", AnalyticsPlatform.CacheOutcomeOf(miss));
        Assert.True(entries <= 1, $"{entries} entries left"); // at most a refill that raced the count
    }

    [SharedDataFact]
    public async Task With_redis_stopped_the_same_body_is_served_as_a_bypass_and_health_is_degraded()
    {
        const string name = "Ghostly_Emg_20250310_11-46-23-0823";
        var sessionId = await analytics.AnalyzedSessionAsync(AnalyticsPlatform.GhostlyFile(name), name + ".c3d");
        using var cached = await analytics.GetAnalyticsUntilAsync(sessionId, "hit");
        var cachedBody = await cached.Content.ReadAsStringAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await analytics.App.ResourceCommands.ExecuteCommandAsync("redis", KnownResourceCommands.StopCommand, timeout.Token);
        try
        {
            using var bypass = await analytics.GetAnalyticsUntilAsync(sessionId, "bypass");
            using var health = await HealthUntilAsync(analytics.Analytics, "Degraded", timeout.Token);

            Assert.Equal(HttpStatusCode.OK, bypass.StatusCode);
            Assert.Equal("bypass", AnalyticsPlatform.CacheOutcomeOf(bypass));
            Assert.Equal(cachedBody, await bypass.Content.ReadAsStringAsync());
            Assert.Equal(cached.Headers.ETag, bypass.Headers.ETag);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
            var cache = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "StackExchange.Redis");
            Assert.False(cache.GetProperty("data").GetProperty("connected").GetBoolean());
            // Evictions cannot arrive: the replica's memory layer must not answer either.
            Assert.Equal("paused", cache.GetProperty("data").GetProperty("memoryLayer").GetString());
        }
        finally
        {
            // Back for the tests that follow, whatever happened above.
            using var restart = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await analytics.App.ResourceCommands.ExecuteCommandAsync("redis", KnownResourceCommands.StartCommand, restart.Token);
            await analytics.App.ResourceNotifications.WaitForResourceHealthyAsync("redis", restart.Token);
        }

        using var recovery = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var recovered = await HealthUntilAsync(analytics.Analytics, "Healthy", recovery.Token);
        // Signals reads Redis too: the tests that follow expect it healthy again.
        using var signals = platform.CreateClient("signals");
        (await HealthUntilAsync(signals, "Healthy", recovery.Token)).Dispose();
        using var miss = await analytics.GetAnalyticsUntilAsync(sessionId, "miss");
        using var hit = await analytics.GetAnalyticsUntilAsync(sessionId, "hit");
        Assert.Equal("hit", AnalyticsPlatform.CacheOutcomeOf(hit));
        Assert.Equal(cachedBody, await hit.Content.ReadAsStringAsync());
        // Both replicas heard their own probe again after the restart: their memory layers answer.
        Assert.True(await analytics.UntilMemoryHitsAsync(sessionId, wanted: 4));
    }

    [SharedDataFact]
    public async Task Statistics_count_hits_misses_and_each_sessions_reads()
    {
        const string name = "Ghostly_Emg_20230321_17-23-09-0409";
        var sessionId = await analytics.AnalyzedSessionAsync(AnalyticsPlatform.GhostlyFile(name), name + ".c3d");
        (await analytics.GetAnalyticsUntilAsync(sessionId, "hit")).Dispose();
        await analytics.WaitForCacheSubscriptionAsync(sessionId);
        var before = await analytics.StatsAsync();
        var accessesBefore = await analytics.AccessCountAsync(sessionId);

        (await analytics.InvalidateAsync(new { sessionId })).Dispose();
        (await analytics.GetAnalyticsAsync(sessionId)).Dispose();
        (await analytics.GetAnalyticsUntilAsync(sessionId, "hit")).Dispose();
        (await analytics.GetAnalyticsAsync(sessionId)).Dispose();
        var after = await analytics.WaitForAccessCountAsync(sessionId, accessesBefore + 3);
        var stats = await analytics.StatsAsync();

        Assert.True(after >= accessesBefore + 3, $"access count {accessesBefore} -> {after}");
        Assert.True(stats.GetProperty("hits").GetInt64() >= before.GetProperty("hits").GetInt64() + 2);
        Assert.True(stats.GetProperty("misses").GetInt64() >= before.GetProperty("misses").GetInt64() + 1);
        Assert.InRange(stats.GetProperty("hitRate").GetDouble(), 0, 1);
        Assert.True(stats.GetProperty("entries").GetInt64() >= 1);
        Assert.True(stats.GetProperty("usedMemoryBytes").GetInt64() > 0);
        var session = stats.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("sessionId").GetGuid() == sessionId);
        Assert.NotEqual(JsonValueKind.Null, session.GetProperty("lastAccess").ValueKind);
    }

    [SharedDataFact]
    public async Task A_matching_etag_answers_304_and_health_reports_the_cache()
    {
        const string name = "Ghostly_Emg_20230321_17-23-09-0409";
        var sessionId = await analytics.AnalyzedSessionAsync(AnalyticsPlatform.GhostlyFile(name), name + ".c3d");
        using var first = await analytics.GetAnalyticsUntilAsync(sessionId, "hit");

        using var unchanged = await analytics.GetAnalyticsAsync(sessionId, first.Headers.ETag!.ToString());
        using var other = await analytics.GetAnalyticsAsync(sessionId, "\"0-0000000000000000\"");
        using var health = await analytics.Analytics.GetAsync("/health");

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(first.Headers.ETag, unchanged.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var data = report.RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "StackExchange.Redis").GetProperty("data");
        Assert.True(data.GetProperty("connected").GetBoolean());
        foreach (var field in new[] { "latencyMs", "hitRate", "entries", "usedMemoryBytes", "memoryLayerEntries", "memoryLayerBytes" })
        {
            Assert.True(data.TryGetProperty(field, out _), $"no {field} in the cache block");
        }

        Assert.Equal("on", data.GetProperty("memoryLayer").GetString());
    }

    [Fact]
    public async Task An_unknown_session_is_404_and_invalidation_needs_the_admin_key()
    {
        using var unknown = await analytics.GetAnalyticsAsync(Guid.NewGuid());
        using var withoutKey = await analytics.InvalidateAsync(new { all = true }, withKey: false);
        using var nothing = await analytics.InvalidateAsync(new { all = false });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
    }

    public void Dispose() => analytics.Dispose();

    private static async Task<HttpResponseMessage> HealthUntilAsync(HttpClient service, string status, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await service.GetAsync("/health", cancellationToken);
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (report.RootElement.GetProperty("status").GetString() == status)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(200, cancellationToken);
        }
    }
}
