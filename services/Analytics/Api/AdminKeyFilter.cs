using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TherapyPlatform.Analytics.Caching;

namespace TherapyPlatform.Analytics.Api;

/// <summary>
/// Lets a call through only with the configured admin key in <c>X-Admin-Key</c> (compared in constant time);
/// without a configured key nobody gets through. Asked for on top of the admin role: emptying the cache of every
/// replica is an operator's act, not every admin user's.
/// </summary>
public sealed class AdminKeyFilter(IOptions<CacheOptions> options) : IEndpointFilter
{
    public const string Header = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.AdminKey;
        var given = context.HttpContext.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(expected, given))
        {
            return TypedResults.Problem(
                $"This call needs the admin key in the {Header} header.", statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required");
        }

        return await next(context);
    }

    // Hashing first gives both sides the same length, so the comparison time says nothing about the key.
    private static bool FixedTimeEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
