using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TherapyPlatform.Ingestion.Intake;
using TherapyPlatform.Ingestion.RateLimiting;
using TherapyPlatform.ServiceDefaults.EventStore;
using TherapyPlatform.ServiceDefaults.Security;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Ingestion.Sessions;

/// <summary>Upload of session files, their status and history, and re-analysis with new settings.</summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").WithTags("Sessions");
        // Both start an analysis, so both count against the client's upload rate.
        group.MapPost("/", UploadAsync).DisableAntiforgery().RequireAuthorization(PlatformRoles.UploadSessions)
            .RequireRateLimiting(UploadRateLimitPolicy.Name);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSession").RequireAuthorization(PlatformRoles.ReadSessions);
        group.MapPost("/{id:guid}/reanalyze", ReanalyzeAsync).RequireAuthorization(PlatformRoles.AdminOnly)
            .RequireRateLimiting(UploadRateLimitPolicy.Name);
        return group;
    }

    internal static async Task<Results<Accepted<IntakeResponse>, Ok<IntakeResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, SessionIntake intake, PatientCodes patientCodes, IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxFileBytes;
        if (!UploadForm.IsMultipart(request))
        {
            return TypedResults.Problem("Send the session as multipart/form-data with the C3D file in the 'file' field.",
                statusCode: StatusCodes.Status400BadRequest, title: "Not a multipart upload");
        }

        if (request.ContentLength > maxBytes + UploadLimits.FormOverheadBytes)
        {
            return TooLarge(maxBytes);
        }

        UploadForm form;
        try
        {
            form = await UploadForm.ReadAsync(request, maxBytes, cancellationToken);
        }
        catch (UploadFormException ex)
        {
            return ex.TooLarge
                ? TooLarge(maxBytes)
                : TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Malformed upload");
        }

        using var upload = form;
        var errors = new Dictionary<string, string[]>();
        if (upload.File.IsEmpty)
        {
            errors["file"] = ["A non-empty C3D file is required in the 'file' field."];
        }

        var patientCode = upload.Fields["patientCode"].ToString();
        if (patientCode.Length > 0 && !patientCodes.IsValid(patientCode))
        {
            errors["patientCode"] = [$"'{patientCode}' is not a patient code of the configured pattern."];
        }
        else if (!request.HttpContext.User.CanSee(patientCode.Length > 0 ? patientCode : null))
        {
            return TypedResults.Problem("Therapists upload sessions only for their own patients (give patientCode).",
                statusCode: StatusCodes.Status403Forbidden, title: "Not your patient");
        }

        var settings = SessionSettingsRequest.FromForm(upload.Fields, errors);
        if (errors.Count == 0 && settings.Validate() is { } invalid)
        {
            errors["settings"] = [invalid];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await intake.AcceptAsync(
            new SessionFile(upload.File, Path.GetFileName(upload.FileName ?? ""), patientCode.Length > 0 ? patientCode : null, settings.ToSettings(), SessionSource.Upload),
            cancellationToken);
        return result switch
        {
            IntakeResult.Accepted accepted => IntakeResponses.Accepted(accepted),
            IntakeResult.Duplicate duplicate => IntakeResponses.Duplicate(duplicate),
            IntakeResult.Rejected rejected => IntakeResponses.Rejected(rejected),
            _ => throw new InvalidOperationException($"Unknown intake result {result}."),
        };
    }

    internal static async Task<Results<Ok<SessionDetails>, NotFound, ForbidHttpResult>> GetAsync(
        Guid id, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The history first, then the state: the state is then at least as recent as the history it comes with (in the
        // other order an analysis committed between the two reads showed in the history while the status lagged).
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        var state = await session.LoadAsync<Session>(id, cancellationToken);
        if (state is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.CanSee(state.PatientCode))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(new SessionDetails(
            state.Id, state.Status, state.FailureReason, state.PatientCode, state.FileName, state.SizeBytes, state.FileHash,
            state.Source, state.Settings, state.RequestNumber, state.Attempts, state.ReceivedAt, state.AnalysisStartedAt,
            state.AnalyzedAt, state.UpdatedAt, events.Select(SessionHistory.Describe).ToList()));
    }

    internal static async Task<Results<Accepted<IntakeResponse>, NotFound, ValidationProblem>> ReanalyzeAsync(
        Guid id, SessionSettingsRequest settings, IDocumentSession session, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        if (settings.Validate() is { } invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["settings"] = [invalid] });
        }

        // FetchForWriting makes SaveChanges fail if another request number was taken meanwhile.
        var stream = await session.Events.FetchForWriting<Session>(id, cancellationToken);
        if (stream.Aggregate is not { } state)
        {
            return TypedResults.NotFound();
        }

        var requestNumber = state.RequestNumber + 1;
        stream.AppendOne(new SessionReanalysisRequested(
            id, requestNumber, state.FileHash, state.PatientCode, settings.ToSettings(),
            context.User.Identity?.Name ?? "anonymous", clock.GetUtcNow()));
        session.StampCurrentTrace();
        await session.SaveChangesAsync(cancellationToken);
        return IntakeResponses.Accepted(new IntakeResult.Accepted(id));
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem($"Session files are limited to {maxBytes} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");
}
