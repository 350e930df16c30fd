using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TherapyPlatform.Ingestion.RateLimiting;

/// <summary>
/// A token bucket per client, keyed by the token's subject (so one user is one client from any address), or by the
/// remote address when there is none. Exempt roles are not limited. A rejection is a 429 with the reason and Retry-After.
/// </summary>
public sealed class UploadRateLimitPolicy(IOptions<UploadRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "uploads";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limit = options.Value;
        return limit.IsExempt(httpContext.User)
            ? RateLimitPartition.GetNoLimiter("exempt")
            : RateLimitPartition.GetTokenBucketLimiter(ClientOf(httpContext), _ => limit.ToTokenBucket());
    }

    /// <summary>The client an upload is counted against: <c>user:{sub}</c>, or <c>address:{ip}</c> without a subject.</summary>
    public static string ClientOf(HttpContext httpContext)
    {
        var user = httpContext.User;
        var subject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return subject is { Length: > 0 }
            ? $"user:{subject}"
            : $"address:{httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var limit = options.Value;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limit.ToTokenBucket().ReplenishmentPeriod;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many uploads",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"Each client may offer {limit.PermitsPerMinute} files per minute, in bursts of at most {limit.Burst}; retry after {seconds} s."),
            },
        });
    }
}
