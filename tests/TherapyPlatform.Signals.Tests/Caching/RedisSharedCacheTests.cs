using System.Buffers.Binary;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Signals.Tests.Caching;

/// <summary>Each test gets its own server, since one of them stops it.</summary>
public sealed class RedisSharedCacheTests : IAsyncLifetime
{
    private readonly LocalRedis redis = new();
    private RedisSharedCache cache = null!;

    public async Task InitializeAsync()
    {
        await redis.InitializeAsync();
        if (redis.Connection is not null)
        {
            cache = new RedisSharedCache(redis.Connection, NullLogger<RedisSharedCache>.Instance);
        }
    }

    [RedisFact]
    public async Task A_later_version_replaces_an_earlier_one_never_the_reverse()
    {
        Assert.True(await cache.ReplaceUnlessNewerAsync("k", Versioned(2, 20), TimeSpan.FromMinutes(1)));
        Assert.False(await cache.ReplaceUnlessNewerAsync("k", Versioned(1, 10), TimeSpan.FromMinutes(1)));
        Assert.Equal(Versioned(2, 20), await cache.GetAsync("overview", "k"));

        Assert.True(await cache.ReplaceUnlessNewerAsync("k", Versioned(2, 21), TimeSpan.FromMinutes(1)));
        Assert.True(await cache.ReplaceUnlessNewerAsync("k", Versioned(300, 30), TimeSpan.FromMinutes(1)));

        Assert.Equal(Versioned(300, 30), await cache.GetAsync("overview", "k"));
    }

    [RedisFact]
    public async Task Values_are_written_with_the_ttl()
    {
        await cache.ReplaceUnlessNewerAsync("overview", Versioned(1, 1), TimeSpan.FromMinutes(10));
        await cache.SetIfAbsentAsync("metadata", [1, 2, 3], TimeSpan.FromMinutes(20));

        var database = redis.Connection!.GetDatabase();
        Assert.InRange((await database.KeyTimeToLiveAsync("overview"))!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.InRange((await database.KeyTimeToLiveAsync("metadata"))!.Value, TimeSpan.FromMinutes(19), TimeSpan.FromMinutes(20));
    }

    [RedisFact]
    public async Task Set_if_absent_keeps_what_another_writer_stored()
    {
        await redis.Connection!.GetDatabase().StringSetAsync("metadata", "from analytics");

        await cache.SetIfAbsentAsync("metadata", [1], TimeSpan.FromMinutes(1));

        Assert.Equal("from analytics"u8.ToArray(), await cache.GetAsync("metadata", "metadata"));
        Assert.Null(await cache.GetAsync("metadata", "absent"));
    }

    [RedisFact]
    public async Task With_Redis_down_reads_are_bypassed_misses_and_writes_are_skipped()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Signals",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        redis.Stop();

        var read = await cache.GetAsync("overview", "down-key");
        var written = await cache.ReplaceUnlessNewerAsync("down-key", Versioned(1, 1), TimeSpan.FromMinutes(1));
        await cache.SetIfAbsentAsync("down-key", [1], TimeSpan.FromMinutes(1));

        Assert.Null(read);
        Assert.False(written);
        var lookup = Assert.Single(spans, s => (string?)s.GetTagItem("cache.key") == "down-key");
        Assert.Equal((CacheLayers.Redis, false, true), ((string?)lookup.GetTagItem("cache.layer"), (bool?)lookup.GetTagItem("cache.hit"), (bool?)lookup.GetTagItem("cache.bypass")));
    }

    public Task DisposeAsync() => redis.DisposeAsync();

    private static byte[] Versioned(int version, byte payload)
    {
        var value = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(value, version);
        value[4] = payload;
        return value;
    }
}
