using TherapyPlatform.ServiceDefaults.Security;
using TherapyPlatform.Signals.Metadata;

namespace TherapyPlatform.Signals.Access;

/// <summary>
/// Therapists read only their own patients' signals. Admins and researchers pass without a lookup; for a therapist the
/// session's patient is read from its snapshot, and a session of another patient is refused before anything about it
/// (cached or not) is touched. An unknown session goes on to the handler's 404.
/// </summary>
internal sealed class SessionAccessFilter(ISessionFileLookup sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        if (user.IsInRole(PlatformRoles.Admin) || user.IsInRole(PlatformRoles.Researcher)
            || !Guid.TryParse(http.Request.RouteValues["id"] as string, out var sessionId))
        {
            return await next(context);
        }

        var session = await sessions.FindAsync(sessionId, http.RequestAborted);
        return session is not null && !user.CanSee(session.PatientCode) ? TypedResults.Forbid() : await next(context);
    }
}
