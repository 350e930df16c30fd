namespace TherapyPlatform.Contracts;

/// <summary>
/// Queues that messages are sent to directly rather than published. Sending declares the durable queue, so a
/// message waits there even when its consumer has never started on this broker; a publish to an exchange that no
/// queue is bound to yet would be dropped.
/// </summary>
public static class Queues
{
    /// <summary>Where <see cref="SessionAnalysisRequested"/> is sent; Analytics' replicas compete on it.</summary>
    public const string SessionAnalysis = "session-analysis";
}
