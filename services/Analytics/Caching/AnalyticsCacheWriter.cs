using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.ServiceDefaults.EventStore;
using TherapyPlatform.Sessions.Events;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// Writes each committed <see cref="SessionAnalyzed"/> into Redis (the durable path: the consumer also writes
/// right after its commit, so the first read is a hit, but only this catches up after a crash or a Redis
/// outage). Events come in commit order and the write script never lets an older request replace a newer one.
/// A write is retried until Redis takes it rather than skipped: a skipped re-analysis would leave the previous
/// analysis cached until its TTL ends.
/// </summary>
public sealed partial class AnalyticsCacheWriter : SubscriptionBase
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly AnalyticsCache cache;
    private readonly ILogger<AnalyticsCacheWriter> logger;

    public AnalyticsCacheWriter(AnalyticsCache cache, ILogger<AnalyticsCacheWriter> logger)
    {
        this.cache = cache;
        this.logger = logger;
        Name = "analytics-cache-writer";
        IncludeType<SessionAnalyzed>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var sessions = await SessionSnapshots.LoadAsync(page.Events, operations, cancellationToken);
        foreach (var @event in page.Events)
        {
            if (@event.Data is SessionAnalyzed analyzed && sessions.TryGetValue(analyzed.SessionId, out var session))
            {
                using var activity = AnalyticsTelemetry.Source.StartActivity(
                    "cache analytics", ActivityKind.Internal, TraceHeaders.TraceOf(@event));
                activity?.SetTag("session.id", analyzed.SessionId);
                try
                {
                    await WriteUntilStoredAsync(AnalyticsEntry.From(session, SessionAnalyticsView.From(analyzed)), @event.Sequence, cancellationToken);
                }
                catch (Exception ex) when (!RedisOutage.IsOutage(ex) && ex is not OperationCanceledException)
                {
                    // One entry that cannot be rendered or written must not stop the subscription for every later
                    // session: the cache is never the source of truth, and a read of this one answers from the read model.
                    activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    LogWriteSkipped(logger, analyzed.SessionId, @event.Sequence, ex);
                }
            }
        }

        return NullChangeListener.Instance;
    }

    private async Task WriteUntilStoredAsync(AnalyticsEntry entry, long sequence, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cache.WriteAsync(entry);
                return;
            }
            catch (Exception ex) when (RedisOutage.IsOutage(ex) && !cancellationToken.IsCancellationRequested)
            {
                LogWriteRetry(logger, entry.Analytics.SessionId, sequence, attempt, ex.GetType().Name);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Caching the analytics of session {SessionId} (event {Sequence}) failed (attempt {Attempt}, {Error}); retrying")]
    private static partial void LogWriteRetry(ILogger logger, Guid sessionId, long sequence, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Skipped caching the analytics of session {SessionId} (event {Sequence}); reads answer from the read model")]
    private static partial void LogWriteSkipped(ILogger logger, Guid sessionId, long sequence, Exception exception);
}
