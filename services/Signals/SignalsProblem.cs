using Microsoft.AspNetCore.Http.HttpResults;

namespace TherapyPlatform.Signals;

/// <summary>Why a request cannot be answered, as it reaches the client: a ProblemDetails with this status and reason.</summary>
internal sealed record SignalsProblem(int Status, string Title, string Detail)
{
    public static SignalsProblem BadRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid", detail);

    public static SignalsProblem NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, "Not found", detail);

    public static SignalsProblem UnreadableFile(string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, "The session's file cannot be read", detail);

    public static SignalsProblem UnknownSession(Guid sessionId) => NotFound($"There is no session {sessionId}.");
}

/// <summary>A value, or the problem that kept it from being produced.</summary>
internal readonly record struct Outcome<T>(T? Value, SignalsProblem? Problem) where T : class;

internal static class SignalsProblemResults
{
    public static ProblemHttpResult ToResult(this SignalsProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return TypedResults.Problem(detail: problem.Detail, statusCode: problem.Status, title: problem.Title);
    }
}

/// <summary>Session ids in routes: a GUID, else a 400 that says so (not a 404 that hides the typo).</summary>
internal static class SessionIds
{
    public static bool TryParse(string text, out Guid sessionId, out SignalsProblem invalid)
    {
        invalid = SignalsProblem.BadRequest($"The session id must be a GUID (got '{text}').");
        return Guid.TryParse(text, out sessionId);
    }
}
