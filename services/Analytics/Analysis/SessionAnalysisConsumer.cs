using System.Diagnostics;
using MassTransit;
using Npgsql;
using StackExchange.Redis;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.ServiceDefaults.FileStore;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;
using TherapyPlatform.ServiceDefaults.Caching;
using TherapyPlatform.ServiceDefaults.Errors;

namespace TherapyPlatform.Analytics.Analysis;

/// <summary>
/// Analyses a session for one request. Replicas compete for the queue and a message can arrive twice, so the
/// work is idempotent: a completed request is skipped, and <see cref="SessionStreamWriter"/> lets only one
/// completion per request commit. Transient failures throw and are retried by the endpoint's retry policy.
/// </summary>
public sealed partial class SessionAnalysisConsumer(
    SessionStreamWriter writer,
    IFileStore files,
    AnalyticsCache cache,
    AnalyticsSettings analyticsSettings,
    TimeProvider time,
    ILogger<SessionAnalysisConsumer> logger) : IConsumer<Contracts.SessionAnalysisRequested>
{
    private static readonly string Analyzer = $"{Environment.MachineName}/{Environment.ProcessId}";

    public async Task Consume(ConsumeContext<Contracts.SessionAnalysisRequested> context)
    {
        try
        {
            await AnalyseAsync(context.Message, context.CancellationToken);
        }
        catch (Exception ex) when (StoreFailureOf(ex) is { } failure)
        {
            // Npgsql's and Marten's exceptions carry objects the bus cannot serialize into the fault once retries
            // are spent (MassTransit then fails to send it and the session would stay Analyzing): the retries and the
            // fault get the reason only, the log keeps the whole exception.
            LogStoreFailure(logger, context.Message.SessionId, context.Message.RequestNumber, ex);
            throw new AnalysisStoreException(failure);
        }
    }

    private async Task AnalyseAsync(Contracts.SessionAnalysisRequested request, CancellationToken cancellationToken)
    {
        using var scope = AnalysisLogScope.Begin(logger, request.SessionId, request.PatientCode, request.FileHash, request.RequestNumber);
        using var activity = AnalyticsTelemetry.Source.StartActivity("analyze session");
        activity?.SetTag("session.id", request.SessionId);
        activity?.SetTag("session.request", request.RequestNumber);
        activity?.SetTag("file.hash", request.FileHash);

        var started = await writer.AppendUnlessCompletedAsync(
            request.SessionId,
            request.RequestNumber,
            _ => new AnalysisStarted(request.SessionId, request.RequestNumber, Analyzer, time.GetUtcNow()),
            cancellationToken);
        if (started.Outcome != AppendOutcome.Appended)
        {
            LogSkipped(logger, request.SessionId, request.RequestNumber, started.Outcome);
            activity?.SetTag("analysis.skipped", started.Outcome.ToString());
            return;
        }

        var session = started.Session!;
        var stopwatch = Stopwatch.StartNew();
        var content = await files.GetAsync(session.FileHash, cancellationToken);
        var result = content is null
            ? FileAnalysisResult.Failed("The session's file is missing from the file store.")
            : FileAnalysis.Run(content, session.Settings, analyticsSettings, session.FileName);
        object completion = result.Analysis is { } analysis
            ? new SessionAnalyzed(request.SessionId, request.RequestNumber, analysis, time.GetUtcNow())
            : new AnalysisFailed(request.SessionId, request.RequestNumber, result.FailureReason!, time.GetUtcNow());

        AppendResult completed;
        try
        {
            completed = await writer.AppendUnlessCompletedAsync(request.SessionId, request.RequestNumber, _ => completion, cancellationToken);
        }
        catch (Exception ex) when (completion is SessionAnalyzed && RefusedValueOf(ex) is { } refusal)
        {
            // PostgreSQL refuses something in the result itself (a NUL kept in a damaged file's channel label, say):
            // every retry would be refused alike, so the session fails with the reason instead of staying Analyzing.
            result = FileAnalysisResult.Failed($"The analysis result cannot be stored: {refusal}.");
            completion = new AnalysisFailed(request.SessionId, request.RequestNumber, result.FailureReason!, time.GetUtcNow());
            completed = await writer.AppendUnlessCompletedAsync(request.SessionId, request.RequestNumber, _ => completion, cancellationToken);
        }

        activity?.SetTag("analysis.outcome", result.Analysis is null ? "failed" : "analyzed");
        if (completed.Outcome != AppendOutcome.Appended)
        {
            LogLostRace(logger, request.SessionId, request.RequestNumber);
        }
        else if (completion is SessionAnalyzed analyzed)
        {
            var elapsedMs = stopwatch.Elapsed.TotalMilliseconds;
            var muscles = analyzed.Analysis.Channels.Count;
            LogAnalyzed(logger, request.SessionId, request.RequestNumber, muscles, elapsedMs);
            await CacheAsync(session, analyzed);
        }
        else
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.FailureReason);
            LogFailed(logger, request.SessionId, request.RequestNumber, result.FailureReason!);
        }
    }

    /// <summary>The reason of a failure of the database (anywhere in the exception's chain), or null for any other failure.</summary>
    private static string? StoreFailureOf(Exception exception) =>
        ExceptionChain.Of(exception).OfType<NpgsqlException>().FirstOrDefault() is { } npgsql
            ? $"The database failed: {(npgsql as PostgresException)?.MessageText ?? npgsql.Message}"
            : null;

    /// <summary>PostgreSQL's data exceptions (SQLSTATE class 22: a value it cannot store) repeat on every attempt.</summary>
    private static string? RefusedValueOf(Exception exception) =>
        ExceptionChain.Of(exception).OfType<PostgresException>()
            .FirstOrDefault(postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal))?.MessageText;

    /// <summary>
    /// Fills the cache right after the commit, so the first read is a hit and the analysis trace ends with the
    /// cache write. Best effort: <see cref="AnalyticsCacheWriter"/> writes every committed analysis durably.
    /// </summary>
    private async Task CacheAsync(Session session, SessionAnalyzed analyzed)
    {
        try
        {
            await cache.WriteAsync(AnalyticsEntry.From(session, SessionAnalyticsView.From(analyzed)));
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            LogCacheDeferred(logger, analyzed.SessionId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped analysis request {RequestNumber} of session {SessionId}: {Outcome}")]
    private static partial void LogSkipped(ILogger logger, Guid sessionId, int requestNumber, AppendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Analysed session {SessionId} (request {RequestNumber}): {Muscles} muscles in {ElapsedMs:F1} ms")]
    private static partial void LogAnalyzed(ILogger logger, Guid sessionId, int requestNumber, int muscles, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caching session {SessionId} is left to the cache subscription")]
    private static partial void LogCacheDeferred(ILogger logger, Guid sessionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis of session {SessionId} (request {RequestNumber}) failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid sessionId, int requestNumber, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis of session {SessionId} (request {RequestNumber}) met a database failure; retried")]
    private static partial void LogStoreFailure(ILogger logger, Guid sessionId, int requestNumber, Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Another consumer completed request {RequestNumber} of session {SessionId} first; this result is dropped")]
    private static partial void LogLostRace(ILogger logger, Guid sessionId, int requestNumber);
}
