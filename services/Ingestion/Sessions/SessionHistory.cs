using System.Globalization;
using JasperFx.Events;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Ingestion.Sessions;

/// <summary>Turns a session's events into the history shown with its status.</summary>
public static class SessionHistory
{
    public static SessionHistoryEntry Describe(IEvent e) => e.Data switch
    {
        SessionFileReceived r => Entry(e, 1, string.Create(CultureInfo.InvariantCulture,
            $"{r.FileName} ({r.SizeBytes} bytes) received via {r.Source}")),
        SessionReanalysisRequested r => Entry(e, r.RequestNumber, $"re-analysis requested by {r.RequestedBy}"),
        AnalysisStarted r => Entry(e, r.RequestNumber, $"analysis started on {r.Analyzer}"),
        SessionAnalyzed r => Entry(e, r.RequestNumber, string.Create(CultureInfo.InvariantCulture,
            $"analysed: {r.Analysis.Channels.Count} muscle(s), overall score {r.Analysis.Scores.Overall?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}")),
        AnalysisFailed r => Entry(e, r.RequestNumber, $"failed: {r.Reason}"),
        _ => Entry(e, null, e.EventTypeName),
    };

    private static SessionHistoryEntry Entry(IEvent e, int? requestNumber, string summary) =>
        new(e.Version, e.Data.GetType().Name, e.Timestamp, requestNumber, summary);
}
