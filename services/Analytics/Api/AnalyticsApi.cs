using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using System.Security.Claims;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.ServiceDefaults.Security;

namespace TherapyPlatform.Analytics.Api;

/// <summary><c>GET /api/sessions/{id}/analytics</c>: a session's analytics, from Redis or the read model.</summary>
public static class AnalyticsApi
{
    public const string CacheHeader = "X-Cache";
    public const string CacheLayerHeader = "X-Cache-Layer";

    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("Analytics");
        group.MapGet("/{id:guid}/analytics", GetAsync).WithName("GetSessionAnalytics").RequireAuthorization(PlatformRoles.ReadSessions);
        return group;
    }

    internal static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ForbidHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, ClaimsPrincipal user, AnalyticsReader reader, CacheStatistics statistics, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var read = await reader.ReadAsync(id, cancellationToken);
        if (read.Status != AnalyticsReadStatus.UnknownSession && !user.CanSee(read.Analytics?.PatientCode ?? read.Session?.PatientCode))
        {
            // A therapist sees only their own patients' sessions; not even whether another one is analysed or cached.
            return TypedResults.Forbid();
        }

        var headers = context.Response.Headers;
        headers[CacheHeader] = read.CacheOutcome.ToString().ToLowerInvariant();
        headers[CacheLayerHeader] = read.CacheLayer ?? "none";

        switch (read.Status)
        {
            case AnalyticsReadStatus.UnknownSession:
                return TypedResults.Problem($"There is no session {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown session");
            case AnalyticsReadStatus.NotAnalyzed:
                var session = read.Session!;
                return TypedResults.Problem(
                    $"Session {id} has no analytics yet: it is {session.Status}.",
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Session not analysed",
                    extensions: new Dictionary<string, object?>
                    {
                        ["sessionStatus"] = session.Status.ToString(),
                        ["failureReason"] = session.FailureReason,
                    });
        }

        // Counted once the answer is sent: a refused read is no access, and the counters' Redis round trip and log
        // line never delay the body.
        context.Response.OnCompleted(() =>
        {
            statistics.RecordRead(id, read.CacheOutcome);
            return Task.CompletedTask;
        });
        var analytics = read.Analytics!;
        headers.ETag = analytics.ETag;
        headers.CacheControl = "no-cache";
        // The handler's own time, so a load test can set it beside the end-to-end latency and a raw Redis GET.
        headers["Server-Timing"] = string.Create(
            CultureInfo.InvariantCulture, $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F3}");
        return Matches(context.Request, analytics.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(analytics.Json, "application/json");
    }

    /// <summary>Whether <c>If-None-Match</c> names the current entity tag (weak comparison, as RFC 9110 asks for it).</summary>
    private static bool Matches(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
