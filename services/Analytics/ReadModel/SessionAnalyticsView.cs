using JasperFx.Events;
using Marten.Events.Aggregation;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Analytics.ReadModel;

/// <summary>
/// The latest analysis of a session: what the analytics API falls back to when Redis misses or is down.
/// </summary>
public sealed record SessionAnalyticsView(Guid Id, int RequestNumber, DateTimeOffset AnalyzedAt, SessionAnalysis Analysis)
{
    // Not named Create: Marten would take it for a conventional projection method beside the Evolve override.
    public static SessionAnalyticsView From(SessionAnalyzed e) => new(e.SessionId, e.RequestNumber, e.AnalyzedAt, e.Analysis);
}

/// <summary>
/// Projects <see cref="SessionAnalyticsView"/> inline, in the transaction that commits <see cref="SessionAnalyzed"/>
/// (only Analytics appends it), so a session reported analysed always has its view. Other events of the stream
/// leave the view as it is: a session without analysis has none. Rebuildable from the events.
/// </summary>
public sealed class SessionAnalyticsProjection : SingleStreamProjection<SessionAnalyticsView, Guid>
{
    public override SessionAnalyticsView? Evolve(SessionAnalyticsView? snapshot, Guid id, IEvent e) =>
        e.Data is SessionAnalyzed analyzed ? SessionAnalyticsView.From(analyzed) : snapshot;
}
