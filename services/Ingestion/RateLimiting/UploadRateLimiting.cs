using Microsoft.AspNetCore.RateLimiting;
using TherapyPlatform.ServiceDefaults.Security;

namespace TherapyPlatform.Ingestion.RateLimiting;

public static class UploadRateLimiting
{
    /// <summary>The <see cref="UploadRateLimitPolicy"/> for endpoints that start an analysis (<c>RequireRateLimiting(UploadRateLimitPolicy.Name)</c>).</summary>
    public static IServiceCollection AddUploadRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<UploadRateLimitOptions>().BindConfiguration(UploadRateLimitOptions.Section)
            .PostConfigure(options =>
            {
                if (options.ExemptRoles.Count == 0)
                {
                    options.ExemptRoles.Add(PlatformRoles.Admin);
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy<string, UploadRateLimitPolicy>(UploadRateLimitPolicy.Name);
        });
        return services;
    }
}
