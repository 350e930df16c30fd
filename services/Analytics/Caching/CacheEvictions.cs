using StackExchange.Redis;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// Applies the evictions published on <see cref="CacheKeys.AnalyticsEvictions"/> to this replica's memory layer,
/// and pauses that layer while the subscription may not hear them. It resumes only when a probe it published
/// came back through the channel: a reconnected client re-subscribes in the background, so "connected" alone
/// does not prove that the next eviction will arrive.
/// </summary>
public sealed partial class CacheEvictions(IConnectionMultiplexer redis, LocalAnalyticsCache local, ILogger<CacheEvictions> logger) : BackgroundService
{
    public const string All = "*";

    /// <summary>Heads a replica's probe; every other replica ignores it.</summary>
    public const string ProbePrefix = "probe:";

    /// <summary>How often a paused layer publishes its probe again, until the probe comes back.</summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    private static readonly RedisChannel Channel = RedisChannel.Literal(CacheKeys.AnalyticsEvictions);

    /// <summary>Released by every connection failure, so the probing loop wakes from its wait.</summary>
    private readonly SemaphoreSlim pausedSignal = new(0);

    /// <summary>Orders a probe's return against a connection failure, so a failure always leaves the layer paused.</summary>
    private readonly Lock gate = new();

    /// <summary>The probe whose return resumes the layer; null when none may (none sent yet, or a failure since).</summary>
    private string? awaitedProbe;

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
        await SubscribeAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            while (local.Paused)
            {
                await TryProbeAsync();
                await Task.Delay(ProbeInterval, stoppingToken);
            }

            await pausedSignal.WaitAsync(stoppingToken);
        }
    }

    public override void Dispose()
    {
        redis.ConnectionFailed -= OnConnectionFailed;
        pausedSignal.Dispose();
        base.Dispose();
    }

    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        while (true)
        {
            try
            {
                // Once subscribed, the client subscribes again by itself after every reconnection.
                await subscriber.SubscribeAsync(Channel, (_, message) => Apply(message));
                return;
            }
            catch (Exception ex) when (RedisOutage.IsOutage(ex))
            {
                LogSubscribeFailed(logger, ex.GetType().Name);
                await Task.Delay(ProbeInterval, stoppingToken);
            }
        }
    }

    private async Task TryProbeAsync()
    {
        if (!redis.IsConnected)
        {
            return;
        }

        // The same probe until a failure, so a slow round trip is not outrun by the next round's.
        string probe;
        lock (gate)
        {
            probe = awaitedProbe ??= ProbePrefix + Guid.NewGuid().ToString("N");
        }

        try
        {
            await redis.GetDatabase().PublishAsync(Channel, probe);
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            // The next round sends it again.
        }
    }

    private void Apply(RedisValue message)
    {
        var text = message.ToString();
        if (text.StartsWith(ProbePrefix, StringComparison.Ordinal))
        {
            Resume(text);
        }
        else if (text == All)
        {
            local.Evict(null);
        }
        else if (Guid.TryParse(text, out var sessionId))
        {
            local.Evict(sessionId);
        }
        else
        {
            // Unknown words must not leave a stale entry behind: drop everything.
            LogUnknownEviction(logger, text);
            local.Evict(null);
        }
    }

    private void Resume(string probe)
    {
        // Another replica's probe, an older one of ours, or one sent before a failure proves nothing.
        lock (gate)
        {
            if (!local.Paused || probe != awaitedProbe)
            {
                return;
            }

            awaitedProbe = null;
            local.Resume();
        }

        LogResumed(logger);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        lock (gate)
        {
            awaitedProbe = null;
            local.Pause();
        }

        pausedSignal.Release();
        LogPaused(logger, e.ConnectionType, e.FailureType);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing to cache evictions failed ({Error}); the memory layer stays off until it succeeds")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown cache eviction '{Message}'; dropped the whole memory layer")]
    private static partial void LogUnknownEviction(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {ConnectionType} connection lost ({Failure}); the memory layer is off until evictions arrive again")]
    private static partial void LogPaused(ILogger logger, ConnectionType connectionType, ConnectionFailureType failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache evictions arrive (our probe came back); the memory layer is on")]
    private static partial void LogResumed(ILogger logger);
}
