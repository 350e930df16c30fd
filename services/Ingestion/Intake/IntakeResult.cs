using TherapyPlatform.Sessions;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>What became of a file offered to the platform.</summary>
public abstract record IntakeResult
{
    /// <summary>A new session; its events are committed.</summary>
    public sealed record Accepted(Guid SessionId) : IntakeResult;

    /// <summary>The same file was accepted before; nothing new is stored or analysed.</summary>
    public sealed record Duplicate(Guid SessionId, SessionStatus Status) : IntakeResult;

    /// <summary>The content is not a readable C3D file; nothing is stored.</summary>
    public sealed record Rejected(string Reason) : IntakeResult;
}
