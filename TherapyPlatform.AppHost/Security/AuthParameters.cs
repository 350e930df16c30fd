namespace TherapyPlatform.AppHost.Security;

/// <summary>How the services validate bearer tokens; the same for all of them.</summary>
public sealed record AuthParameters(
    IResourceBuilder<ParameterResource> SigningKey,
    IResourceBuilder<ParameterResource> Issuer,
    IResourceBuilder<ParameterResource> Audience,
    IResourceBuilder<ParameterResource> RoleClaim,
    IResourceBuilder<ParameterResource> PatientsClaim);

public static class AuthParameterExtensions
{
    /// <summary>
    /// A generated signing key for local development (persisted in the AppHost's user secrets; <c>therapy token</c>
    /// signs with it). For Supabase-issued tokens set it to the project's JWT secret, and issuer, audience and claim
    /// paths to Supabase's (e.g. <c>app_metadata.role</c>).
    /// </summary>
    public static AuthParameters AddAuthParameters(this IDistributedApplicationBuilder builder) => new(
        builder.AddParameter("auth-signing-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true),
        builder.AddParameterWithDefault("auth-issuer", "therapy-platform"),
        builder.AddParameterWithDefault("auth-audience", "therapy-platform"),
        builder.AddParameterWithDefault("auth-role-claim", "role"),
        builder.AddParameterWithDefault("auth-patients-claim", "patients"));

    public static IResourceBuilder<ProjectResource> WithAuth(this IResourceBuilder<ProjectResource> service, AuthParameters auth) =>
        service
            .WithEnvironment("Auth__SigningKey", auth.SigningKey)
            .WithEnvironment("Auth__Issuer", auth.Issuer)
            .WithEnvironment("Auth__Audience", auth.Audience)
            .WithEnvironment("Auth__RoleClaim", auth.RoleClaim)
            .WithEnvironment("Auth__PatientsClaim", auth.PatientsClaim);
}
