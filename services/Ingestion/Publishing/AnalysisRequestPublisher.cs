using JasperFx.Events;
using MassTransit;
using TherapyPlatform.Contracts;
using TherapyPlatform.Ingestion.Telemetry;
using TherapyPlatform.ServiceDefaults.EventStore;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Ingestion.Publishing;

/// <summary>
/// Asks Analytics for an analysis once a file or new settings are committed, never from the request itself: a
/// session answered 202 reaches Analytics even if RabbitMQ was down at that moment.
/// </summary>
public sealed class AnalysisRequestPublisher : BusPublishingSubscription
{
    public AnalysisRequestPublisher(IBus bus, ILogger<AnalysisRequestPublisher> logger)
        : base(bus, IngestionTelemetry.Source, logger)
    {
        Name = "analysis-request-publisher";
        IncludeType<SessionFileReceived>();
        IncludeType<SessionReanalysisRequested>();
    }

    protected override string DestinationQueue => Queues.SessionAnalysis;

    protected override object? ToMessage(IEvent committed) => committed.Data switch
    {
        SessionFileReceived e => new SessionAnalysisRequested(e.SessionId, 1, e.FileHash, e.PatientCode),
        SessionReanalysisRequested e => new SessionAnalysisRequested(e.SessionId, e.RequestNumber, e.FileHash, e.PatientCode),
        _ => null,
    };
}
