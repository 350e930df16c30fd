using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Ingestion.Sessions;

/// <summary>The answer to an upload or webhook that offered a file.</summary>
public sealed record IntakeResponse(Guid SessionId, SessionStatus Status, bool Duplicate);

/// <summary>A session's state and the history of its events.</summary>
public sealed record SessionDetails(
    Guid SessionId,
    SessionStatus Status,
    string? FailureReason,
    string? PatientCode,
    string FileName,
    long SizeBytes,
    string FileHash,
    SessionSource Source,
    SessionSettings Settings,
    int RequestNumber,
    int Attempts,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AnalysisStartedAt,
    DateTimeOffset? AnalyzedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<SessionHistoryEntry> History);

/// <summary>One event of the session's stream, summarised (the full analysis is served by Analytics).</summary>
public sealed record SessionHistoryEntry(long Version, string Event, DateTimeOffset Timestamp, int? RequestNumber, string Summary);
