using System.Diagnostics;
using System.Threading.Channels;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// Refills the cache after a miss, off the request path. Bounded: when refills pile up (Redis slow) new ones are
/// dropped, since the next miss asks again. The write script keeps an older analysis from replacing a newer one.
/// A refill continues the trace of the read that missed, so the dashboard shows the miss and its refill together.
/// </summary>
public sealed partial class CacheRefiller(AnalyticsCache cache, ILogger<CacheRefiller> logger) : BackgroundService
{
    private const int Capacity = 1_000;

    private readonly Channel<Refill> refills = Channel.CreateBounded<Refill>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(AnalyticsEntry entry) => refills.Writer.TryWrite(new Refill(entry, Activity.Current?.Context ?? default));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var refill in refills.Reader.ReadAllAsync(stoppingToken))
        {
            using var activity = AnalyticsTelemetry.Source.StartActivity("cache refill", ActivityKind.Internal, refill.Trace);
            try
            {
                await cache.WriteAsync(refill.Entry);
            }
            catch (Exception ex) when (RedisOutage.IsOutage(ex))
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                LogRefillFailed(logger, refill.Entry.Analytics.SessionId, ex.GetType().Name);
            }
        }
    }

    private sealed record Refill(AnalyticsEntry Entry, ActivityContext Trace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refilling the cached analytics of session {SessionId} failed ({Error})")]
    private static partial void LogRefillFailed(ILogger logger, Guid sessionId, string error);
}
