using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TherapyPlatform.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Bearer-token authentication for every service. Every endpoint requires an authenticated user unless it opts out
/// (health probes, the signed storage webhook), so a new endpoint is never open by accident.
/// </summary>
public static class SecurityExtensions
{
    public static TBuilder AddPlatformSecurity<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                var options = auth.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = ClaimTypes.Role,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.Identity is ClaimsIdentity identity)
                        {
                            PlatformClaims.Normalise(identity, options);
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PlatformRoles.ReadSessions, policy => policy.RequireRole(PlatformRoles.Therapist, PlatformRoles.Researcher, PlatformRoles.Admin))
            .AddPolicy(PlatformRoles.UploadSessions, policy => policy.RequireRole(PlatformRoles.Therapist, PlatformRoles.Admin))
            .AddPolicy(PlatformRoles.AdminOnly, policy => policy.RequireRole(PlatformRoles.Admin));
        builder.Services.AddWarmUp<TokenValidationWarmUp>();
        return builder;
    }
}
