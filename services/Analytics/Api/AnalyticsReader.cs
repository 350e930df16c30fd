using Marten;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.Sessions;

namespace TherapyPlatform.Analytics.Api;

public enum AnalyticsReadStatus
{
    Found,
    UnknownSession,
    NotAnalyzed,
}

/// <param name="CacheOutcome">How the cache answered: the <c>X-Cache</c> header.</param>
/// <param name="Session">The session snapshot when it was read (everything but a hit).</param>
/// <param name="CacheLayer">The layer that answered a hit (<c>memory</c> or <c>redis</c>): the <c>X-Cache-Layer</c> header.</param>
public sealed record AnalyticsRead(
    AnalyticsReadStatus Status, CacheOutcome CacheOutcome, RenderedAnalytics? Analytics, Session? Session, string? CacheLayer = null);

/// <summary>
/// Read-through: the cache first (this replica's memory, then Redis); on a miss or when Redis is unreachable, the
/// read model (session snapshot and analytics view in one round trip), and after a miss the cache is refilled in
/// the background. Hits and misses are counted by the caller once it has served the read (<see cref="CacheStatistics.RecordRead"/>).
/// </summary>
public sealed class AnalyticsReader(AnalyticsCache cache, CacheStatistics statistics, CacheRefiller refills, IDocumentStore store)
{
    public async Task<AnalyticsRead> ReadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var cached = await cache.ReadAsync(sessionId);
        switch (cached.Outcome)
        {
            case CacheOutcome.Hit:
                CacheMetrics.Hits.Add(1, new KeyValuePair<string, object?>("cache.layer", cached.Layer));
                return new AnalyticsRead(AnalyticsReadStatus.Found, CacheOutcome.Hit, cached.Analytics, null, cached.Layer);
            case CacheOutcome.Miss:
                CacheMetrics.Misses.Add(1);
                break;
            default:
                CacheMetrics.Bypasses.Add(1);
                statistics.RecordError();
                break;
        }

        var (session, view) = await LoadAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return new AnalyticsRead(AnalyticsReadStatus.UnknownSession, cached.Outcome, null, null);
        }

        if (view is null)
        {
            return new AnalyticsRead(AnalyticsReadStatus.NotAnalyzed, cached.Outcome, null, session);
        }

        var entry = AnalyticsEntry.From(session, view);
        if (cached.Outcome == CacheOutcome.Miss)
        {
            refills.Enqueue(entry);
        }

        return new AnalyticsRead(AnalyticsReadStatus.Found, cached.Outcome, entry.Analytics, session);
    }

    private async Task<(Session? Session, SessionAnalyticsView? View)> LoadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        using var activity = AnalyticsTelemetry.Source.StartActivity("read model read");
        activity?.SetTag("cache.layer", "postgres");
        activity?.SetTag("cache.key", sessionId.ToString("D"));
        await using var query = store.QuerySession();
        var batch = query.CreateBatchQuery();
        var session = batch.Load<Session>(sessionId);
        var view = batch.Load<SessionAnalyticsView>(sessionId);
        await batch.Execute(cancellationToken);
        var result = (await session, await view);
        activity?.SetTag("cache.hit", result.Item2 is not null);
        return result;
    }
}
