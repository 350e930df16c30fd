using Microsoft.Extensions.Internal;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.Analytics.ReadModel;

namespace TherapyPlatform.Analytics.Tests.Caching;

public sealed class LocalAnalyticsCacheTests : IDisposable
{
    private readonly ManualClock clock = new();
    private readonly LocalAnalyticsCache local;

    public LocalAnalyticsCacheTests()
    {
        local = new LocalAnalyticsCache(new CacheOptions { LocalTtlSeconds = 60 }, clock);
        local.Resume();
    }

    [Fact]
    public void A_stored_read_is_answered_until_its_session_is_evicted()
    {
        var (first, second) = (Document(), Document());
        local.Store(first, local.Generation);
        local.Store(second, local.Generation);

        Assert.True(local.TryGet(first.SessionId, out var held));
        Assert.Same(first, held);

        local.Evict(first.SessionId);

        Assert.False(local.TryGet(first.SessionId, out _));
        Assert.True(local.TryGet(second.SessionId, out _));
    }

    [Fact]
    public void Evicting_all_drops_every_entry()
    {
        var (first, second) = (Document(), Document());
        local.Store(first, local.Generation);
        local.Store(second, local.Generation);

        local.Evict(null);

        Assert.False(local.TryGet(first.SessionId, out _));
        Assert.False(local.TryGet(second.SessionId, out _));
    }

    [Fact]
    public void A_redis_read_that_raced_an_eviction_is_not_kept()
    {
        // The read began, the entry was replaced in Redis and its eviction arrived, then the old value came back.
        var stale = Document();
        var readGeneration = local.Generation;
        local.Evict(stale.SessionId);

        local.Store(stale, readGeneration);

        Assert.False(local.TryGet(stale.SessionId, out _));
    }

    [Fact]
    public void An_entry_expires_after_its_lifetime()
    {
        var document = Document();
        local.Store(document, local.Generation);

        clock.UtcNow = clock.UtcNow.AddSeconds(59);
        Assert.True(local.TryGet(document.SessionId, out _));
        clock.UtcNow = clock.UtcNow.AddSeconds(2);
        Assert.False(local.TryGet(document.SessionId, out _));
    }

    [Fact]
    public void While_paused_nothing_is_answered_or_kept_and_it_resumes_empty()
    {
        var before = Document();
        local.Store(before, local.Generation);

        local.Pause();
        var during = Document();
        local.Store(during, local.Generation);

        Assert.False(local.TryGet(before.SessionId, out _));
        Assert.False(local.TryGet(during.SessionId, out _));
        local.Resume();
        Assert.False(local.TryGet(before.SessionId, out _));
        Assert.False(local.TryGet(during.SessionId, out _));
    }

    [Fact]
    public void It_starts_paused_until_evictions_can_arrive()
    {
        using var fresh = new LocalAnalyticsCache(new CacheOptions(), clock);
        var document = Document();

        fresh.Store(document, fresh.Generation);

        Assert.True(fresh.Paused);
        Assert.False(fresh.TryGet(document.SessionId, out _));
    }

    [Fact]
    public void A_zero_lifetime_turns_the_layer_off()
    {
        using var off = new LocalAnalyticsCache(new CacheOptions { LocalTtlSeconds = 0 }, clock);
        off.Resume();
        var document = Document();

        off.Store(document, off.Generation);

        Assert.False(off.Enabled);
        Assert.False(off.TryGet(document.SessionId, out _));
    }

    [Fact]
    public void Health_reads_its_state_entries_and_bytes()
    {
        using var fresh = new LocalAnalyticsCache(new CacheOptions { LocalSizeMegabytes = 2 }, clock);
        using var off = new LocalAnalyticsCache(new CacheOptions { LocalTtlSeconds = 0 }, clock);
        local.Store(Document(), local.Generation);
        local.Store(Document(), local.Generation);

        Assert.Equal(("on", 2, 4), (local.State, local.Count, local.EstimatedBytes));
        Assert.Equal(("paused", 0, 2L * 1024 * 1024), (fresh.State, fresh.Count, fresh.CapacityBytes));
        Assert.Equal("off", off.State);
        local.Pause();
        Assert.Equal(("paused", 0, 0), (local.State, local.Count, local.EstimatedBytes));
    }

    public void Dispose() => local.Dispose();

    private static RenderedAnalytics Document() => new(Guid.NewGuid(), 1, "\"1-00\"", "{}"u8.ToArray(), "P042");

    private sealed class ManualClock : ISystemClock
    {
        public DateTimeOffset UtcNow { get; set; } = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    }
}
