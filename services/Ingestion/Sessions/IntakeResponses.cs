using Microsoft.AspNetCore.Http.HttpResults;
using TherapyPlatform.Ingestion.Intake;
using TherapyPlatform.Sessions;

namespace TherapyPlatform.Ingestion.Sessions;

/// <summary>The HTTP answers to an intake, the same for uploads and webhooks.</summary>
public static class IntakeResponses
{
    /// <summary>202 with the session's address, sent only after its events are committed.</summary>
    public static Accepted<IntakeResponse> Accepted(IntakeResult.Accepted accepted) =>
        TypedResults.Accepted($"/api/sessions/{accepted.SessionId}", new IntakeResponse(accepted.SessionId, SessionStatus.Received, Duplicate: false));

    /// <summary>200 naming the existing session: the same file is never analysed twice.</summary>
    public static Ok<IntakeResponse> Duplicate(IntakeResult.Duplicate duplicate) =>
        TypedResults.Ok(new IntakeResponse(duplicate.SessionId, duplicate.Status, Duplicate: true));

    public static ProblemHttpResult Rejected(IntakeResult.Rejected rejected) =>
        TypedResults.Problem(rejected.Reason, statusCode: StatusCodes.Status400BadRequest, title: "Not a C3D file");
}
