using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using TherapyPlatform.ServiceDefaults.Errors;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>
/// PostgreSQL holds both the files and the events, so when it cannot be reached nothing can be accepted: the
/// client gets 503 with Retry-After (never 202 for something not stored) and can deliver again.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Path, exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Session store unavailable",
                Detail = "The session store cannot be reached; nothing was stored. Deliver the file again shortly.",
            },
        });
    }

    private static bool IsDatabaseUnavailable(Exception exception) =>
        ExceptionChain.Of(exception).Any(e => e is NpgsqlException or TimeoutException);

    [LoggerMessage(Level = LogLevel.Error, Message = "The session store is unavailable while handling {Path}")]
    private static partial void LogUnavailable(ILogger logger, PathString path, Exception exception);
}
