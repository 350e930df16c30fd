using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Sessions.Events;

/// <summary>A C3D file was accepted and stored; the session's stream starts here (request number 1).</summary>
public sealed record SessionFileReceived(
    Guid SessionId,
    string FileHash,
    string FileName,
    long SizeBytes,
    string? PatientCode,
    SessionSource Source,
    SessionSettings Settings,
    DateTimeOffset ReceivedAt);

/// <summary>New settings were given for an analysed session; it is analysed again under the next request number.</summary>
public sealed record SessionReanalysisRequested(
    Guid SessionId,
    int RequestNumber,
    string FileHash,
    string? PatientCode,
    SessionSettings Settings,
    string RequestedBy,
    DateTimeOffset RequestedAt);

/// <summary>An Analytics instance took an analysis request.</summary>
public sealed record AnalysisStarted(Guid SessionId, int RequestNumber, string Analyzer, DateTimeOffset StartedAt);

/// <summary>The analysis of a request finished: metrics, contractions and scores.</summary>
public sealed record SessionAnalyzed(Guid SessionId, int RequestNumber, SessionAnalysis Analysis, DateTimeOffset AnalyzedAt);

/// <summary>The analysis of a request could not be done; the reason is for the therapist.</summary>
public sealed record AnalysisFailed(Guid SessionId, int RequestNumber, string Reason, DateTimeOffset FailedAt);

/// <summary>How the file reached the platform.</summary>
public enum SessionSource
{
    Upload,
    StorageWebhook,
}

/// <summary>Every event of a session stream, for registering with the event store.</summary>
public static class SessionEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(SessionFileReceived),
        typeof(SessionReanalysisRequested),
        typeof(AnalysisStarted),
        typeof(SessionAnalyzed),
        typeof(AnalysisFailed),
    ];
}
