using System.Security.Claims;
using System.Text.Json;

namespace TherapyPlatform.ServiceDefaults.Security;

/// <summary>
/// Normalises a validated token's claims into the platform's: the role (from the configured claim, possibly inside
/// a JSON claim such as Supabase's <c>app_metadata</c>) as <see cref="ClaimTypes.Role"/>, and each patient code as
/// <see cref="PlatformRoles.PatientClaimType"/>.
/// </summary>
public static class PlatformClaims
{
    public static void Normalise(ClaimsIdentity identity, AuthOptions options)
    {
        foreach (var role in Values(identity, options.RoleClaim))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToLowerInvariant()));
        }

        foreach (var patient in Values(identity, options.PatientsClaim))
        {
            identity.AddClaim(new Claim(PlatformRoles.PatientClaimType, patient));
        }
    }

    /// <summary>The string values at a claim path: <c>role</c>, or <c>app_metadata.role</c> inside a JSON claim.</summary>
    public static IEnumerable<string> Values(ClaimsIdentity identity, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var claimType = dot < 0 ? path : path[..dot];
        foreach (var claim in identity.FindAll(claimType).ToList())
        {
            if (dot < 0)
            {
                foreach (var value in Strings(claim.Value))
                {
                    yield return value;
                }

                continue;
            }

            JsonElement element;
            try
            {
                element = JsonDocument.Parse(claim.Value).RootElement;
            }
            catch (JsonException)
            {
                continue;
            }

            foreach (var segment in path[(dot + 1)..].Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
                {
                    element = default;
                    break;
                }
            }

            foreach (var value in Strings(element))
            {
                yield return value;
            }
        }
    }

    private static List<string> Strings(string value)
    {
        if (value.StartsWith('['))
        {
            try
            {
                return Strings(JsonDocument.Parse(value).RootElement);
            }
            catch (JsonException)
            {
                return [value];
            }
        }

        return value.Length > 0 ? [value] : [];
    }

    private static List<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
        _ => [],
    };
}
