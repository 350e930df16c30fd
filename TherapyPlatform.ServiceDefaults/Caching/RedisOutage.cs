using StackExchange.Redis;

namespace TherapyPlatform.ServiceDefaults.Caching;

/// <summary>
/// What a Redis command throws while the server is away: besides the client's own exceptions and timeouts, a command
/// racing the connection's teardown meets the closed socket pipe (InvalidOperationException, IOException). The cache
/// is never the source of truth, so every one of these means "answer without it", never an error to the caller.
/// </summary>
public static class RedisOutage
{
    public static bool IsOutage(Exception exception) =>
        exception is RedisException or RedisCommandException or TimeoutException or IOException or InvalidOperationException;
}
