using System.Threading.Channels;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// Refills the cache after a miss, off the request path. Bounded: when refills pile up (Redis slow) new ones are
/// dropped, since the next miss asks again. The write script keeps an older analysis from replacing a newer one.
/// </summary>
public sealed partial class CacheRefiller(AnalyticsCache cache, ILogger<CacheRefiller> logger) : BackgroundService
{
    private const int Capacity = 1_000;

    private readonly Channel<AnalyticsEntry> refills = Channel.CreateBounded<AnalyticsEntry>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(AnalyticsEntry refill) => refills.Writer.TryWrite(refill);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var refill in refills.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await cache.WriteAsync(refill);
            }
            catch (Exception ex) when (RedisOutage.IsOutage(ex))
            {
                LogRefillFailed(logger, refill.Analytics.SessionId, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refilling the cached analytics of session {SessionId} failed ({Error})")]
    private static partial void LogRefillFailed(ILogger logger, Guid sessionId, string error);
}
