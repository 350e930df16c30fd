using Microsoft.AspNetCore.Http.HttpResults;
using StackExchange.Redis;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.ServiceDefaults.Security;
using TherapyPlatform.ServiceDefaults.Caching;

namespace TherapyPlatform.Analytics.Api;

/// <summary>One session's cache entries (<c>sessionId</c>) or all of them (<c>all</c>).</summary>
public sealed record InvalidateRequest(Guid? SessionId, bool All);

public sealed record InvalidateResponse(long Removed, Guid? SessionId, bool All);

/// <summary>
/// <c>GET /cache/stats</c> (shared by all replicas; it names sessions, so admins only) and <c>POST /cache/invalidate</c>
/// (admins, with the admin key as well).
/// </summary>
public static class CacheApi
{
    private const int TopSessions = 100;

    public static RouteGroupBuilder MapCacheApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cache").WithTags("Cache").RequireAuthorization(PlatformRoles.AdminOnly);
        group.MapGet("/stats", GetStatsAsync);
        group.MapPost("/invalidate", InvalidateAsync).AddEndpointFilter<AdminKeyFilter>();
        return group;
    }

    /// <param name="sessionId">Only this session's access count; else the most read sessions.</param>
    internal static async Task<Results<Ok<CacheStatisticsSnapshot>, ProblemHttpResult>> GetStatsAsync(
        Guid? sessionId, CacheStatistics statistics, AnalyticsCache cache)
    {
        if (!cache.IsConnected)
        {
            return RedisUnavailable();
        }

        try
        {
            return TypedResults.Ok(await statistics.ReadAsync(sessionId, TopSessions));
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            return RedisUnavailable();
        }
    }

    internal static async Task<Results<Ok<InvalidateResponse>, ProblemHttpResult>> InvalidateAsync(
        InvalidateRequest request, AnalyticsCache cache)
    {
        if (request.All == request.SessionId.HasValue)
        {
            return TypedResults.Problem(
                "Give either a sessionId or \"all\": true.", statusCode: StatusCodes.Status400BadRequest, title: "Nothing to invalidate");
        }

        if (!cache.IsConnected)
        {
            return RedisUnavailable();
        }

        try
        {
            var removed = await cache.InvalidateAsync(request.SessionId);
            return TypedResults.Ok(new InvalidateResponse(removed, request.SessionId, request.All));
        }
        catch (Exception ex) when (RedisOutage.IsOutage(ex))
        {
            return RedisUnavailable();
        }
    }

    private static ProblemHttpResult RedisUnavailable() =>
        TypedResults.Problem("Redis is not reachable right now.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cache unavailable");
}
