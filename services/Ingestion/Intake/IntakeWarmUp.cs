using Marten;
using MassTransit;
using TherapyPlatform.C3d;
using TherapyPlatform.Contracts;
using TherapyPlatform.Ingestion.Telemetry;
using TherapyPlatform.ServiceDefaults.FileStore;
using TherapyPlatform.ServiceDefaults.WarmUp;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>
/// Takes a synthetic GHOSTLY-shaped upload through everything an intake does short of storing it (the form read, the
/// C3D read, the hash, the event's JSON), the reads of a session that does not exist, and the send of an analysis
/// request (to an exchange nothing is bound to): the first upload after a start was answered in 1.1-1.3 s instead
/// of 30 ms, and its request took 0.6 s to send, each method compiled on first use. Nothing is stored.
/// </summary>
public sealed class IntakeWarmUp(IDocumentStore store, IFileStore files, IBus bus, TimeProvider clock) : IWarmUp
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.Source.StartActivity("warm up intake");
        var content = GhostlyFiles.Create(seed: 1, seconds: 10);
        using (var form = await UploadForm.ReadAsync(await MultipartRequestAsync(content, cancellationToken), long.MaxValue, cancellationToken))
        {
            _ = C3dFile.Read(form.File.Span);
        }

        var hash = SessionIdentity.HashOf(content);
        var sessionId = SessionIdentity.FromHash(hash);
        _ = store.Options.Serializer().ToJson(new SessionFileReceived(
            sessionId, hash, "warm-up.c3d", content.Length, null, SessionSource.Upload, new(), clock.GetUtcNow()));

        var unknown = Guid.NewGuid();
        await using (var session = store.LightweightSession())
        {
            _ = await session.LoadAsync<Session>(unknown, cancellationToken);
            _ = await session.Events.FetchStreamAsync(unknown, token: cancellationToken);
        }

        _ = await files.GetAsync(hash, cancellationToken);
        await bus.SendToVoidAsync(new SessionAnalysisRequested(sessionId, 1, hash, null), cancellationToken);
    }

    private static async Task<HttpRequest> MultipartRequestAsync(byte[] content, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), UploadForm.FileField, "warm-up.c3d" } };
        var request = new DefaultHttpContext().Request;
        request.ContentType = form.Headers.ContentType!.ToString();
        request.Body = new MemoryStream(await form.ReadAsByteArrayAsync(cancellationToken));
        return request;
    }
}
