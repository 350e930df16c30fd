using System.Diagnostics;
using Marten;
using Marten.Exceptions;
using TherapyPlatform.C3d;
using TherapyPlatform.Ingestion.Telemetry;
using TherapyPlatform.ServiceDefaults.EventStore;
using TherapyPlatform.ServiceDefaults.FileStore;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>
/// Accepts a session file once: checks that it is C3D by its content (a full read: a file the reader rejects is never
/// stored), stores it under its SHA-256, and starts the
/// session's stream, whose id derives from that hash. A file seen before is answered with its session, never
/// analysed twice; a race of identical files ends with one stream, the others seeing the collision.
/// </summary>
public sealed partial class SessionIntake(
    IDocumentStore store, IFileStore files, TimeProvider clock, ILogger<SessionIntake> logger)
{
    public async Task<IntakeResult> AcceptAsync(SessionFile file, CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.Source.StartActivity("session intake");
        activity?.SetTag("file.name", file.FileName);
        activity?.SetTag("file.size", file.Content.Length);
        activity?.SetTag("session.source", file.Source.ToString());

        var hash = SessionIdentity.HashOf(file.Content.Span);
        var sessionId = SessionIdentity.FromHash(hash);
        activity?.SetTag("session.id", sessionId);
        activity?.SetTag("file.hash", hash);
        activity?.SetTag("patient.code", file.PatientCode);

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Session>(sessionId, cancellationToken) is { } existing)
        {
            LogDuplicate(logger, sessionId, hash, existing.Status);
            return new IntakeResult.Duplicate(sessionId, existing.Status);
        }

        // Only files that were never accepted need reading: an accepted file is known to be valid.
        if (Validate(file.Content.Span) is { } reason)
        {
            LogRejected(logger, file.FileName, reason);
            activity?.SetStatus(ActivityStatusCode.Error, reason);
            return new IntakeResult.Rejected(reason);
        }

        // The file first: a stream must never name a file that is not stored. A stored file without a stream
        // (the commit below failed) is harmless and is reused by the next delivery.
        await files.SaveAsync(hash, file.Content, cancellationToken);

        session.Events.StartStream<Session>(sessionId, new SessionFileReceived(
            sessionId, hash, file.FileName, file.Content.Length, file.PatientCode, file.Source, file.Settings, clock.GetUtcNow()));
        session.StampCurrentTrace();
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ExistingStreamIdCollisionException)
        {
            LogDuplicate(logger, sessionId, hash, SessionStatus.Received);
            return new IntakeResult.Duplicate(sessionId, await CurrentStatusAsync(sessionId, cancellationToken));
        }

        LogAccepted(logger, sessionId, file.PatientCode, hash, file.Content.Length, file.Source);
        return new IntakeResult.Accepted(sessionId);
    }

    /// <summary>The reason the content is not a C3D file the platform can store, or null when it is one.</summary>
    private static string? Validate(ReadOnlySpan<byte> content)
    {
        try
        {
            _ = C3dFile.Read(content);
            return null;
        }
        catch (C3dFormatException ex)
        {
            return $"Not a readable C3D file: {ex.Message}";
        }
    }

    private async Task<SessionStatus> CurrentStatusAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        return (await query.LoadAsync<Session>(sessionId, cancellationToken))?.Status ?? SessionStatus.Received;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted session {SessionId} for patient {PatientCode} (file {FileHash}, {SizeBytes} bytes, via {Source})")]
    private static partial void LogAccepted(ILogger logger, Guid sessionId, string? patientCode, string fileHash, int sizeBytes, SessionSource source);

    [LoggerMessage(Level = LogLevel.Information, Message = "File {FileHash} is already session {SessionId} ({Status}); nothing stored")]
    private static partial void LogDuplicate(ILogger logger, Guid sessionId, string fileHash, SessionStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected file {FileName}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string fileName, string reason);
}
