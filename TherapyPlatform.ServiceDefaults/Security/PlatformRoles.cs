namespace TherapyPlatform.ServiceDefaults.Security;

/// <summary>The platform's roles and the policies built on them.</summary>
public static class PlatformRoles
{
    /// <summary>Sees and uploads the sessions of their own patients.</summary>
    public const string Therapist = "therapist";

    /// <summary>Reads every session.</summary>
    public const string Researcher = "researcher";

    /// <summary>Everything, including cache invalidation and re-analysis.</summary>
    public const string Admin = "admin";

    /// <summary>Policy: read sessions (each therapist still only their patients').</summary>
    public const string ReadSessions = "read-sessions";

    /// <summary>Policy: offer new session files.</summary>
    public const string UploadSessions = "upload-sessions";

    /// <summary>Policy: operations that change what others see (re-analysis, cache invalidation).</summary>
    public const string AdminOnly = "admin-only";

    /// <summary>The claim the platform keeps a therapist's patient codes in after validation.</summary>
    public const string PatientClaimType = "therapy:patient";
}
