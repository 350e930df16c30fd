using System.Text;
using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using TherapyPlatform.Analytics.Api;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.ServiceDefaults.FileStore;
using TherapyPlatform.ServiceDefaults.WarmUp;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Analytics.Analysis;

/// <summary>
/// Takes a synthetic GHOSTLY-shaped file through everything an analysis and its first read do, in memory, plus the
/// reads of a session that does not exist: the first session after a start was analysed in 1 s instead of 0.1 s
/// and its first analytics read took 0.5 s, each method compiled on first use. Nothing is stored or cached.
/// </summary>
public sealed class AnalysisWarmUp(
    SessionStreamWriter writer,
    IFileStore files,
    IDocumentStore store,
    AnalyticsReader reader,
    IBus bus,
    AnalyticsSettings analyticsSettings,
    IOptions<CacheOptions> cacheOptions,
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

        // The cache entry as written and read back.
        var session = serializer.FromJson<Session>(Utf8(serializer.ToJson(Session.Create(received))));
        var entry = AnalyticsEntry.From(session, SessionAnalyticsView.From(analyzed));
        _ = CacheEntryCodec.Decode(sessionId, CacheEntryCodec.Encode(entry.Analytics, cacheOptions.Value.Compression));

        // The database reads of an analysis and of an analytics read, for a session that does not exist.
        var unknown = Guid.NewGuid();
        _ = await writer.AppendUnlessCompletedAsync(unknown, 1, _ => throw new InvalidOperationException("no such session"), cancellationToken);
        _ = await files.GetAsync(hash, cancellationToken);
        _ = await reader.LoadAsync(unknown, cancellationToken);
    }

    private static MemoryStream Utf8(string json) => new(Encoding.UTF8.GetBytes(json));
}
