namespace TherapyPlatform.Sessions;

public enum SessionStatus
{
    /// <summary>Stored; waiting for Analytics.</summary>
    Received,

    /// <summary>An Analytics instance is working on the latest request.</summary>
    Analyzing,

    Analyzed,

    Failed,
}
