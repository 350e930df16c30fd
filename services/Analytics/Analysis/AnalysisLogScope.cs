namespace TherapyPlatform.Analytics.Analysis;

/// <summary>The structured fields every log line about one analysis request carries.</summary>
public static class AnalysisLogScope
{
    public static IDisposable? Begin(ILogger logger, Guid sessionId, string? patientCode, string fileHash, int requestNumber) =>
        logger.BeginScope(new Dictionary<string, object?>
        {
            ["SessionId"] = sessionId,
            ["PatientCode"] = patientCode,
            ["FileHash"] = fileHash,
            ["RequestNumber"] = requestNumber,
        });
}
