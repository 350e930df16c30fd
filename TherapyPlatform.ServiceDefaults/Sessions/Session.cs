using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Sessions;

/// <summary>
/// The state of one session, folded from its events (the event store keeps it as an inline snapshot, so it can
/// always be rebuilt). Apply methods are public because the event store only finds public ones. It lives beside the
/// event store set-up, not with the pure events: Marten 9 dispatches Apply/Create through a source generator that
/// must run in the aggregate's own assembly.
/// </summary>
public sealed class Session
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string FileHash { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public string? PatientCode { get; set; }

    public SessionSource Source { get; set; }

    public SessionStatus Status { get; set; }

    public string? FailureReason { get; set; }

    public SessionSettings Settings { get; set; } = new();

    /// <summary>The latest analysis request: 1 for the file itself, +1 for each re-analysis.</summary>
    public int RequestNumber { get; set; }

    /// <summary>The latest request whose analysis ended (analysed or failed); 0 before any.</summary>
    public int CompletedRequestNumber { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? AnalysisStartedAt { get; set; }

    public DateTimeOffset? AnalyzedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether the analysis of <paramref name="requestNumber"/> has already ended, so a redelivery must do nothing.</summary>
    public bool HasCompleted(int requestNumber) => CompletedRequestNumber >= requestNumber || requestNumber < RequestNumber;

    public static Session Create(SessionFileReceived e) => new()
    {
        Id = e.SessionId,
        FileHash = e.FileHash,
        FileName = e.FileName,
        SizeBytes = e.SizeBytes,
        PatientCode = e.PatientCode,
        Source = e.Source,
        Settings = e.Settings,
        Status = SessionStatus.Received,
        RequestNumber = 1,
        ReceivedAt = e.ReceivedAt,
        UpdatedAt = e.ReceivedAt,
    };

    public void Apply(SessionReanalysisRequested e)
    {
        Settings = e.Settings;
        RequestNumber = e.RequestNumber;
        Status = SessionStatus.Received;
        FailureReason = null;
        UpdatedAt = e.RequestedAt;
    }

    public void Apply(AnalysisStarted e)
    {
        Status = SessionStatus.Analyzing;
        Attempts++;
        AnalysisStartedAt = e.StartedAt;
        UpdatedAt = e.StartedAt;
    }

    public void Apply(SessionAnalyzed e)
    {
        Status = SessionStatus.Analyzed;
        FailureReason = null;
        CompletedRequestNumber = e.RequestNumber;
        AnalyzedAt = e.AnalyzedAt;
        UpdatedAt = e.AnalyzedAt;
    }

    public void Apply(AnalysisFailed e)
    {
        Status = SessionStatus.Failed;
        FailureReason = e.Reason;
        CompletedRequestNumber = e.RequestNumber;
        UpdatedAt = e.FailedAt;
    }
}
