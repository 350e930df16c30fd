using System.Text;
using Marten;
using MassTransit;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.ServiceDefaults.FileStore;
using TherapyPlatform.ServiceDefaults.WarmUp;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Analytics.Analysis;

/// <summary>
/// Takes a synthetic GHOSTLY-shaped file through an analysis in memory (the C3D and EMG libraries, the events' JSON, the
/// send of its result to an exchange nothing is bound to), plus the reads of a session that does not exist: the first
/// session after a start was analysed in 1 s instead of 0.1 s, each method compiled on first use. Nothing is stored.
/// </summary>
/// <remarks>
/// The read path (read model, cached entry) is left cold on purpose: warmed here, reads that miss the cache were
/// measured slower for good (server p50 4.0-7.3 ms against 3.0-3.2 ms, bench/README.md "Rerun (session 6)"); with the
/// services compiling each method once, code compiled this early can stay worse than code compiled on first use.
/// </remarks>
public sealed class AnalysisWarmUp(
    SessionStreamWriter writer,
    IFileStore files,
    IDocumentStore store,
    IBus bus,
    AnalyticsSettings analyticsSettings,
    TimeProvider time) : IWarmUp
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var activity = AnalyticsTelemetry.Source.StartActivity("warm up analysis");
        var content = GhostlyFiles.Create(seed: 1, seconds: 10);
        var hash = SessionIdentity.HashOf(content);
        var sessionId = SessionIdentity.FromHash(hash);
        var result = FileAnalysis.Run(content, new SessionSettings(), analyticsSettings, "warm-up.c3d");
        var analysis = result.Analysis ?? throw new InvalidOperationException($"The warm-up file was not analysed: {result.FailureReason}");

        // The events as the store writes them and the daemon's subscriptions read them back.
        var now = time.GetUtcNow();
        var received = new SessionFileReceived(sessionId, hash, "warm-up.c3d", content.Length, null, SessionSource.Upload, new SessionSettings(), now);
        var analyzed = new SessionAnalyzed(sessionId, 1, analysis, now);
        var serializer = store.Options.Serializer();
        _ = serializer.FromJson<SessionFileReceived>(Utf8(serializer.ToJson(received)));
        _ = serializer.FromJson<SessionAnalyzed>(Utf8(serializer.ToJson(analyzed)));
        var facts = analysis.FileFacts;
        await bus.SendToVoidAsync(
            new Contracts.SessionAnalyzed(sessionId, 1, hash, facts.AnalogRate, facts.SamplesPerChannel, facts.ChannelLabels, now), cancellationToken);

        // The database reads of an analysis, for a session that does not exist.
        var unknown = Guid.NewGuid();
        _ = await writer.AppendUnlessCompletedAsync(unknown, 1, _ => throw new InvalidOperationException("no such session"), cancellationToken);
        _ = await files.GetAsync(hash, cancellationToken);
    }

    private static MemoryStream Utf8(string json) => new(Encoding.UTF8.GetBytes(json));
}
