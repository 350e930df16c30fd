using StackExchange.Redis;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// Applies the evictions published on <see cref="CacheKeys.AnalyticsEvictions"/> to this replica's memory layer,
/// and pauses that layer while the subscription cannot hear them (not yet subscribed, connection lost).
/// </summary>
public sealed partial class CacheEvictions(IConnectionMultiplexer redis, LocalAnalyticsCache local, ILogger<CacheEvictions> logger) : BackgroundService
{
    public const string All = "*";

    private static readonly RedisChannel Channel = RedisChannel.Literal(CacheKeys.AnalyticsEvictions);

    /// <summary>The message that evicts one session's entry, or every entry when <paramref name="sessionId"/> is null.</summary>
    public static RedisValue MessageOf(Guid? sessionId) => sessionId is { } id ? id.ToString("D") : All;

    public static Task PublishAsync(IDatabaseAsync database, Guid? sessionId) => database.PublishAsync(Channel, MessageOf(sessionId));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!local.Enabled)
        {
            return;
        }

        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        var subscriber = redis.GetSubscriber();
        var retry = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Once subscribed, the client subscribes again by itself after every reconnection.
                await subscriber.SubscribeAsync(Channel, (_, message) => Apply(message));
                ResumeIfListening();
                return;
            }
            catch (Exception ex) when (RedisOutage.IsOutage(ex))
            {
                LogSubscribeFailed(logger, ex.GetType().Name);
                await Task.Delay(retry, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        redis.ConnectionFailed -= OnConnectionFailed;
        redis.ConnectionRestored -= OnConnectionRestored;
        base.Dispose();
    }

    private void Apply(RedisValue message)
    {
        if (message == All)
        {
            local.Evict(null);
        }
        else if (Guid.TryParse(message.ToString(), out var sessionId))
        {
            local.Evict(sessionId);
        }
        else
        {
            // Unknown words must not leave a stale entry behind: drop everything.
            LogUnknownEviction(logger, message.ToString());
            local.Evict(null);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        local.Pause();
        LogPaused(logger, e.ConnectionType, e.FailureType);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => ResumeIfListening();

    private void ResumeIfListening()
    {
        if (local.Paused && redis.IsConnected && redis.GetSubscriber().IsConnected(Channel))
        {
            local.Resume();
            LogResumed(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to cache evictions failed ({Error}); the memory layer stays off until it succeeds")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown cache eviction '{Message}'; dropped the whole memory layer")]
    private static partial void LogUnknownEviction(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {ConnectionType} connection lost ({Failure}); the memory layer is off until evictions arrive again")]
    private static partial void LogPaused(ILogger logger, ConnectionType connectionType, ConnectionFailureType failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to cache evictions; the memory layer is on")]
    private static partial void LogResumed(ILogger logger);
}
