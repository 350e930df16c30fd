using System.Security.Claims;

namespace TherapyPlatform.ServiceDefaults.Security;

/// <summary>Whether a user may see a session of a given patient: therapists only their own patients'.</summary>
public static class PatientAccess
{
    public static bool CanSee(this ClaimsPrincipal user, string? patientCode) =>
        user.IsInRole(PlatformRoles.Admin)
        || user.IsInRole(PlatformRoles.Researcher)
        || (user.IsInRole(PlatformRoles.Therapist) && patientCode is not null
            && user.FindAll(PlatformRoles.PatientClaimType).Any(c => string.Equals(c.Value, patientCode, StringComparison.OrdinalIgnoreCase)));
}
