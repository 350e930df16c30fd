using JasperFx.Events;
using Marten;
using ConcurrencyException = JasperFx.ConcurrencyException;
using TherapyPlatform.ServiceDefaults.EventStore;
using TherapyPlatform.Sessions;

namespace TherapyPlatform.Analytics.Analysis;

public enum AppendOutcome
{
    Appended,

    /// <summary>The request's analysis already ended (analysed or failed), or a later request replaced it.</summary>
    AlreadyCompleted,

    UnknownSession,
}

public sealed record AppendResult(AppendOutcome Outcome, Session? Session);

/// <summary>
/// Appends to a session stream only while the request is still open, with Marten's optimistic concurrency:
/// the append expects the stream version it read, so when two consumers race (a redelivered or duplicated
/// message), the second commit fails, and the retry re-reads the stream and finds the request completed.
/// Exactly one completion event per request is ever committed.
/// </summary>
public sealed partial class SessionStreamWriter(IDocumentStore store, ILogger<SessionStreamWriter> logger)
{
    /// <summary>Conflicts are retried here, up to this many attempts, before the message retry takes over.</summary>
    private const int MaxAttempts = 5;

    public async Task<AppendResult> AppendUnlessCompletedAsync(
        Guid sessionId, int requestNumber, Func<Session, object> toEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Session>(sessionId, cancellationToken);
            if (stream.Aggregate is not { } current)
            {
                return new AppendResult(AppendOutcome.UnknownSession, null);
            }

            if (current.HasCompleted(requestNumber))
            {
                return new AppendResult(AppendOutcome.AlreadyCompleted, current);
            }

            var @event = toEvent(current);
            stream.AppendOne(@event);
            session.StampCurrentTrace();
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return new AppendResult(AppendOutcome.Appended, current);
            }
            catch (Exception ex) when (IsConcurrencyConflict(ex) && attempt < MaxAttempts)
            {
                LogConflict(logger, @event.GetType().Name, sessionId, requestNumber, attempt);
            }
        }
    }

    private static bool IsConcurrencyConflict(Exception exception) =>
        exception is ConcurrencyException or EventStreamUnexpectedMaxEventIdException
        || exception.InnerException is ConcurrencyException or EventStreamUnexpectedMaxEventIdException;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Appending {EventType} to session {SessionId} (request {RequestNumber}) met a concurrent append (attempt {Attempt}); reading the stream again")]
    private static partial void LogConflict(ILogger logger, string eventType, Guid sessionId, int requestNumber, int attempt);
}
