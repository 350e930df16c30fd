using MassTransit;
using TherapyPlatform.Contracts;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Analytics.Analysis;

/// <summary>
/// When a request's retries are exhausted MassTransit moves it to the <c>_error</c> queue and publishes its
/// fault; the session is then marked failed with the reason, unless some attempt completed it meanwhile.
/// </summary>
public sealed partial class AnalysisFaultConsumer(
    SessionStreamWriter writer, TimeProvider time, ILogger<AnalysisFaultConsumer> logger) : IConsumer<Fault<SessionAnalysisRequested>>
{
    private const int MaxDetailLength = 300;

    public async Task Consume(ConsumeContext<Fault<SessionAnalysisRequested>> context)
    {
        var request = context.Message.Message;
        using var scope = AnalysisLogScope.Begin(logger, request.SessionId, request.PatientCode, request.FileHash, request.RequestNumber);
        var reason = ReasonOf(context.Message.Exceptions);
        var result = await writer.AppendUnlessCompletedAsync(
            request.SessionId,
            request.RequestNumber,
            _ => new AnalysisFailed(request.SessionId, request.RequestNumber, reason, time.GetUtcNow()),
            context.CancellationToken);
        if (result.Outcome == AppendOutcome.Appended)
        {
            LogMarkedFailed(logger, request.SessionId, request.RequestNumber, reason);
        }
    }

    public static string ReasonOf(IEnumerable<ExceptionInfo> exceptions)
    {
        var first = exceptions.FirstOrDefault();
        var detail = first is null ? "unknown error" : $"{first.ExceptionType}: {first.Message}";
        if (detail.Length > MaxDetailLength)
        {
            detail = detail[..MaxDetailLength] + "…";
        }

        return $"The analysis kept failing and was given up after its retries ({detail}).";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {SessionId} (request {RequestNumber}) marked failed: {Reason}")]
    private static partial void LogMarkedFailed(ILogger logger, Guid sessionId, int requestNumber, string reason);
}
