using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TherapyPlatform.ServiceDefaults.WarmUp;

namespace TherapyPlatform.ServiceDefaults.Security;

/// <summary>
/// Validates a token signed with the service's own key, in memory, with the bearer handler's validators: the first
/// validation after a start (token parsing, HMAC, claims) took a few hundred milliseconds of every service's first
/// request. The token is never sent anywhere.
/// </summary>
internal sealed class TokenValidationWarmUp(IOptionsMonitor<JwtBearerOptions> bearer, IOptions<AuthOptions> auth) : IWarmUp
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Value.Issuer,
            Audience = auth.Value.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", "warm-up"), new Claim(auth.Value.RoleClaim, PlatformRoles.Therapist)]),
            SigningCredentials = new SigningCredentials(parameters.IssuerSigningKey, SecurityAlgorithms.HmacSha256),
        });
        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (!result.IsValid)
            {
                throw new InvalidOperationException("The warm-up token did not validate.", result.Exception);
            }

            PlatformClaims.Normalise(result.ClaimsIdentity, auth.Value);
        }
    }
}
