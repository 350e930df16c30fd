using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TherapyPlatform.Cli.Tokens;

/// <summary>Signs HS256 bearer tokens the services accept, for local development and tests.</summary>
public static class DevelopmentTokens
{
    public static string Create(
        string signingKey,
        string role,
        IReadOnlyCollection<string>? patients = null,
        string subject = "developer",
        string issuer = "therapy-platform",
        string audience = "therapy-platform",
        TimeSpan? lifetime = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["role"] = role,
        };
        if (patients is { Count: > 0 })
        {
            claims["patients"] = patients.ToArray();
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
