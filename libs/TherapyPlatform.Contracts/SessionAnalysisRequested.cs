namespace TherapyPlatform.Contracts;

/// <summary>
/// A session's file (request 1) or its new settings (request n) wait for analysis. Published from the committed
/// events, at least once: consumers skip a request whose analysis already ended.
/// </summary>
public sealed record SessionAnalysisRequested(Guid SessionId, int RequestNumber, string FileHash, string? PatientCode);
