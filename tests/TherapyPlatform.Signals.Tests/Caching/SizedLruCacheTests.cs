using TherapyPlatform.Signals.Caching;

namespace TherapyPlatform.Signals.Tests.Caching;

public sealed class SizedLruCacheTests
{
    private readonly ManualTime time = new();

    [Fact]
    public void Adding_past_the_bound_evicts_the_least_recently_used_until_the_entry_fits()
    {
        var cache = new SizedLruCache(10, time);
        cache.Set("a", "A", 4, null);
        cache.Set("b", "B", 4, null);
        Assert.True(cache.TryGet("a", out _)); // b is now the least recently used

        cache.Set("c", "C", 4, null);

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(8, cache.SizeBytes);
    }

    [Fact]
    public void A_large_entry_evicts_as_many_as_it_needs_and_one_larger_than_the_bound_is_not_kept()
    {
        var cache = new SizedLruCache(10, time);
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            cache.Set(key, key, 2, null);
        }

        cache.Set("big", "BIG", 9, null);
        cache.Set("huge", "HUGE", 11, null);

        Assert.Equal(["big"], new[] { "a", "b", "c", "d", "e", "big", "huge" }.Where(k => cache.TryGet(k, out _)));
        Assert.Equal(9, cache.SizeBytes);
    }

    [Fact]
    public void Replacing_an_entry_charges_only_its_new_size()
    {
        var cache = new SizedLruCache(10, time);
        cache.Set("a", "A", 6, null);

        cache.Set("a", "A2", 3, null);

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal("A2", value);
        Assert.Equal(3, cache.SizeBytes);
    }

    [Fact]
    public void An_entry_with_a_lifetime_is_gone_once_it_is_over()
    {
        var cache = new SizedLruCache(10, time);
        cache.Set("m", "M", 1, TimeSpan.FromMinutes(5));

        time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(cache.TryGet("m", out _));
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(cache.TryGet("m", out _));
        Assert.Equal(0, cache.SizeBytes);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
