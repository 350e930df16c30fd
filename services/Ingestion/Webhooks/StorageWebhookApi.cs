using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Ingestion.Intake;
using TherapyPlatform.Ingestion.Sessions;
using TherapyPlatform.Ingestion.Webhooks.Replay;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Ingestion.Webhooks;

/// <summary>
/// The storage webhook: a new <c>.c3d</c> object in the sessions bucket becomes a session. The body is verified
/// against its signature before anything else is done with it; a session-file delivery must then be fresh (its signed
/// <c>record.created_at</c> within the replay window) and new (its digest not claimed before) to be processed.
/// </summary>
public static partial class StorageWebhookApi
{
    public static RouteGroupBuilder MapStorageWebhookApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks");
        // Authenticated by its HMAC signature, not by a bearer token: storage cannot hold one.
        group.MapPost("/storage", ReceiveAsync).DisableAntiforgery().AllowAnonymous();
        return group;
    }

    internal static async Task<Results<Accepted<IntakeResponse>, Ok<IntakeResponse>, Ok<IgnoredStorageEvent>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        IOptions<WebhookOptions> webhook,
        IOptions<StorageOptions> storage,
        StorageClient storageClient,
        IWebhookDeliveries deliveries,
        TimeProvider clock,
        PatientCodes patientCodes,
        SessionIntake intake,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var options = webhook.Value;
        var body = await ReadBodyAsync(request, options.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem($"Webhook bodies are limited to {options.MaxBodyBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
        }

        var logger = loggers.CreateLogger(typeof(StorageWebhookApi));
        byte[] digest;
        if (options.RequiresSignature)
        {
            digest = WebhookSignature.Digest(body, options.Secret!);
            if (!WebhookSignature.Matches(digest, request.Headers[WebhookSignature.HeaderName]))
            {
                LogBadSignature(logger, request.HttpContext.Connection.RemoteIpAddress?.ToString());
                return TypedResults.Problem($"The {WebhookSignature.HeaderName} header is missing or does not match the body.",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature");
            }
        }
        else
        {
            // Unsigned mode (Development only): the body itself identifies the delivery.
            digest = SHA256.HashData(body);
        }

        StorageEvent? storageEvent;
        try
        {
            storageEvent = JsonSerializer.Deserialize<StorageEvent>(body);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem($"The body is not a storage event: {ex.Message}",
                statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook");
        }

        if (IgnoreReason(storageEvent, storage.Value.Bucket) is { } reason)
        {
            return TypedResults.Ok(new IgnoredStorageEvent(true, reason));
        }

        var record = storageEvent!.Record!;
        var freshness = DeliveryFreshness.Check(record.CreatedAt, clock.GetUtcNow(), options.ReplayWindow);
        if (freshness is Freshness.Undated undated)
        {
            return TypedResults.Problem(undated.Reason, statusCode: StatusCodes.Status400BadRequest, title: "Undated delivery");
        }

        if (freshness is Freshness.Stale stale)
        {
            LogStale(logger, record.Name!, stale.Reason);
            return TypedResults.Problem(stale.Reason, statusCode: StatusCodes.Status401Unauthorized, title: "Stale delivery");
        }

        if (!storageClient.IsConfigured)
        {
            return TypedResults.Problem("Storage:Url is not configured, so the object cannot be downloaded.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage not configured");
        }

        var result = await deliveries.RunOnceAsync(digest, ((Freshness.Fresh)freshness).ExpiresAt,
            () => DeliverAsync(record.Name!, storage.Value.Bucket, storageClient, patientCodes, intake, cancellationToken),
            cancellationToken);
        if (result is null)
        {
            LogReplay(logger, record.Name!);
            return TypedResults.Problem(
                $"This body was delivered before (within the {options.ReplayWindow} replay window); it is not processed again.",
                statusCode: StatusCodes.Status409Conflict, title: "Replayed delivery");
        }

        return result;
    }

    /// <summary>Downloads the object and offers it for intake.</summary>
    private static async Task<Results<Accepted<IntakeResponse>, Ok<IntakeResponse>, Ok<IgnoredStorageEvent>, ProblemHttpResult>> DeliverAsync(
        string objectPath, string bucket, StorageClient storageClient, PatientCodes patientCodes, SessionIntake intake, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            content = await storageClient.DownloadAsync(bucket, objectPath, cancellationToken);
        }
        catch (StorageDownloadException ex)
        {
            return TypedResults.Problem(ex.Message,
                statusCode: ex.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status502BadGateway,
                title: "Could not download the object");
        }
        catch (HttpRequestException ex)
        {
            return TypedResults.Problem($"Storage could not be reached: {ex.Message}",
                statusCode: StatusCodes.Status502BadGateway, title: "Could not download the object");
        }

        var result = await intake.AcceptAsync(
            new SessionFile(content, objectPath[(objectPath.LastIndexOf('/') + 1)..], patientCodes.FromObjectPath(objectPath),
                new SessionSettings(), SessionSource.StorageWebhook),
            cancellationToken);
        return result switch
        {
            IntakeResult.Accepted accepted => IntakeResponses.Accepted(accepted),
            IntakeResult.Duplicate duplicate => IntakeResponses.Duplicate(duplicate),
            IntakeResult.Rejected rejected => IntakeResponses.Rejected(rejected),
            _ => throw new InvalidOperationException($"Unknown intake result {result}."),
        };
    }

    /// <summary>Why a storage event is not a new session file, or null when it is one.</summary>
    internal static string? IgnoreReason(StorageEvent? storageEvent, string bucket)
    {
        if (storageEvent?.Record is not { Name: { Length: > 0 } name } record)
        {
            return "the event has no object record";
        }

        if (!string.Equals(storageEvent.Type, "INSERT", StringComparison.OrdinalIgnoreCase))
        {
            return $"only INSERT events start sessions, not {storageEvent.Type ?? "(none)"}";
        }

        if (storageEvent.Table is { } table && !string.Equals(table, "objects", StringComparison.Ordinal))
        {
            return $"the event is for table '{table}', not storage objects";
        }

        if (!string.Equals(record.BucketId, bucket, StringComparison.Ordinal))
        {
            return $"bucket '{record.BucketId}' is not the sessions bucket";
        }

        if (!name.EndsWith(".c3d", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{name}' is not a .c3d file";
        }

        return null;
    }

    /// <summary>The raw body (the signature covers the exact bytes), or null when it is larger than allowed.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a storage webhook with a missing or wrong signature from {RemoteAddress}")]
    private static partial void LogBadSignature(ILogger logger, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a stale storage webhook for {ObjectPath}: {Reason}")]
    private static partial void LogStale(ILogger logger, string objectPath, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a replayed storage webhook for {ObjectPath}")]
    private static partial void LogReplay(ILogger logger, string objectPath);
}
