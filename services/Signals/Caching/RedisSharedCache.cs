using StackExchange.Redis;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Signals.Caching;

/// <summary>
/// <see cref="ISharedCache"/> on Redis. Asks only while the connection is up (the client is set to fail fast), so
/// with Redis down a request costs no timeout, just a bypassed lookup.
/// </summary>
internal sealed partial class RedisSharedCache(IConnectionMultiplexer redis, ILogger<RedisSharedCache> logger) : ISharedCache
{
    /// <summary>Compares the big-endian version in the first four bytes of the stored and the new value, in one atomic step.</summary>
    private static readonly LuaScript ReplaceUnlessNewer = LuaScript.Prepare(
        """
        local stored = redis.call('GETRANGE', @key, 0, 3)
        if string.len(stored) == 4 then
          local a, b, c, d = string.byte(stored, 1, 4)
          if ((a * 256 + b) * 256 + c) * 256 + d > tonumber(@version) then
            return 0
          end
        end
        redis.call('SET', @key, @value, 'PX', @ttl)
        return 1
        """);

    public async Task<byte[]?> GetAsync(string entry, string key)
    {
        using var lookup = CacheLookup.Start(CacheLayers.Redis, entry, key);
        if (!redis.IsConnected)
        {
            lookup.Bypass("Redis is not connected");
            return null;
        }

        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key);
            if (value.IsNull)
            {
                lookup.Miss();
                return null;
            }

            lookup.Hit();
            return (byte[]?)value;
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            LogUnreachable(logger, "read", key, e.Message);
            lookup.Bypass(e.Message);
            return null;
        }
    }

    public async Task SetIfAbsentAsync(string key, byte[] value, TimeSpan ttl)
    {
        await TryAsync("write", key, async db => await db.StringSetAsync(key, value, ttl, When.NotExists));
    }

    public async Task<bool> ReplaceUnlessNewerAsync(string key, byte[] value, TimeSpan ttl)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < sizeof(int))
        {
            throw new ArgumentException("The value must start with its four-byte version.", nameof(value));
        }

        var version = (value[0] << 24) | (value[1] << 16) | (value[2] << 8) | value[3];
        var written = await TryAsync("write", key, async db => (long)await db.ScriptEvaluateAsync(
            ReplaceUnlessNewer,
            new { key = (RedisKey)key, value, version, ttl = (long)ttl.TotalMilliseconds }) == 1);
        return written;
    }

    private async Task<bool> TryAsync(string action, string key, Func<IDatabase, Task<bool>> command)
    {
        if (!redis.IsConnected)
        {
            LogUnreachable(logger, action, key, "not connected");
            return false;
        }

        try
        {
            return await command(redis.GetDatabase());
        }
        catch (Exception e) when (RedisOutage.IsOutage(e))
        {
            LogUnreachable(logger, action, key, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable, {Action} of {Key} skipped: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string action, string key, string reason);
}
