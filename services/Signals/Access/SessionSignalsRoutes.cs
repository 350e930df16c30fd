using TherapyPlatform.ServiceDefaults.Security;

namespace TherapyPlatform.Signals.Access;

internal static class SessionSignalsRoutes
{
    /// <summary>
    /// The route group every Signals feature maps onto: <c>/api/sessions/{id}/signals</c>, for readers only, with a
    /// therapist refused another patient's session before any handler runs.
    /// </summary>
    public static RouteGroupBuilder MapSessionSignalsGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/sessions/{id}/signals").WithTags("Signals")
            .RequireAuthorization(PlatformRoles.ReadSessions)
            .AddEndpointFilter<SessionAccessFilter>();
}
