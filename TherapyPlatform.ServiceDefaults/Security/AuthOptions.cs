using System.ComponentModel.DataAnnotations;

namespace TherapyPlatform.ServiceDefaults.Security;

/// <summary>
/// How bearer tokens are validated (section <c>Auth</c>). Supabase-issued tokens work by configuration: the
/// project's JWT secret as <see cref="SigningKey"/>, <c>https://&lt;project&gt;.supabase.co/auth/v1</c> as issuer,
/// <c>authenticated</c> as audience, and the role and patients read from <c>app_metadata</c>.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    [Required]
    public string Issuer { get; set; } = "therapy-platform";

    [Required]
    public string Audience { get; set; } = "therapy-platform";

    /// <summary>The HMAC-SHA256 key tokens are signed with (at least 32 characters).</summary>
    [Required]
    [MinLength(32)]
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>The claim holding the platform role; a dotted path reads into a JSON claim (<c>app_metadata.role</c>).</summary>
    [Required]
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim listing a therapist's patient codes (an array, or a JSON path like <c>app_metadata.patients</c>).</summary>
    [Required]
    public string PatientsClaim { get; set; } = "patients";
}
