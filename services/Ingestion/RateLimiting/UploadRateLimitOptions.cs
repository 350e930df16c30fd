using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace TherapyPlatform.Ingestion.RateLimiting;

/// <summary>How often one client may offer files for analysis (section <c>Ingestion:UploadRateLimit</c>).</summary>
public sealed class UploadRateLimitOptions
{
    public const string Section = "Ingestion:UploadRateLimit";

    /// <summary>The sustained rate per client (a token comes back every 60/N seconds); at most 600 (one per 100 ms).</summary>
    [Range(1, 600)]
    public int PermitsPerMinute { get; set; } = 30;

    /// <summary>How many uploads a client may send at once after a quiet spell (the bucket's size).</summary>
    [Range(1, 1000)]
    public int Burst { get; set; } = 10;

    /// <summary>
    /// Roles that are never limited: operators, bulk imports and load tests run as <c>admin</c>, and a limit meant to
    /// stop one runaway dashboard must not stall them. Empty means <c>admin</c>; a single empty entry exempts no role.
    /// </summary>
    public IList<string> ExemptRoles { get; } = [];

    public bool IsExempt(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Any(claim =>
            ExemptRoles.Any(role => role.Length > 0 && string.Equals(role, claim.Value, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A client's bucket: <see cref="Burst"/> tokens, one more every 60/<see cref="PermitsPerMinute"/> seconds, no queue.</summary>
    public TokenBucketRateLimiterOptions ToTokenBucket() => new()
    {
        TokenLimit = Burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / PermitsPerMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
