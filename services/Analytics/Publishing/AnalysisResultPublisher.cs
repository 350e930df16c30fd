using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.ServiceDefaults.EventStore;
using TherapyPlatform.Sessions;
using SessionAnalyzed = TherapyPlatform.Sessions.Events.SessionAnalyzed;

namespace TherapyPlatform.Analytics.Publishing;

/// <summary>Tells Signals (and anyone else) that a session's analysis was committed, from the committed event.</summary>
public sealed class AnalysisResultPublisher : BusPublishingSubscription
{
    private IReadOnlyDictionary<Guid, Session> sessions = new Dictionary<Guid, Session>();

    public AnalysisResultPublisher(IBus bus, ILogger<AnalysisResultPublisher> logger)
        : base(bus, AnalyticsTelemetry.Source, logger)
    {
        Name = "analysis-result-publisher";
        IncludeType<SessionAnalyzed>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // The event lacks the file hash; its session has it. The daemon hands over one page at a time.
        sessions = await SessionSnapshots.LoadAsync(page.Events, operations, cancellationToken);
        return await base.ProcessEventsAsync(page, controller, operations, cancellationToken);
    }

    protected override object? ToMessage(IEvent committed) =>
        committed.Data is SessionAnalyzed e && sessions.TryGetValue(e.SessionId, out var session)
            ? new Contracts.SessionAnalyzed(
                e.SessionId,
                e.RequestNumber,
                session.FileHash,
                e.Analysis.FileFacts.AnalogRate,
                e.Analysis.FileFacts.SamplesPerChannel,
                e.Analysis.FileFacts.ChannelLabels,
                e.AnalyzedAt)
            : null;
}
