using MassTransit;
using Microsoft.Extensions.Options;
using TherapyPlatform.Contracts;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Metadata;
using TherapyPlatform.Signals.Recordings;
using TherapyPlatform.Signals.Series;
using TherapyPlatform.Signals.Telemetry;
using TherapyPlatform.Sessions.Metadata;

namespace TherapyPlatform.Signals.Overviews;

/// <summary>
/// After each analysis, computes the overview series (whole session, default point count) of every channel and
/// envelope and stores them in Redis, so the dashboard's first plot is a cache hit; a later request number replaces
/// them. Overviews only save time: when Redis or the file is unavailable this logs and lets the API compute them.
/// </summary>
internal sealed partial class SessionAnalyzedConsumer(
    SessionMetadataStore metadataStore,
    RecordingCache recordings,
    OverviewStore overviews,
    EnvelopeCalculator envelopes,
    IOptions<SignalsOptions> options,
    ILogger<SessionAnalyzedConsumer> logger) : IConsumer<SessionAnalyzed>
{
    public async Task Consume(ConsumeContext<SessionAnalyzed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;
        using var activity = SignalsTelemetry.Source.StartActivity("precompute overviews");
        activity?.SetTag("session.id", message.SessionId);
        activity?.SetTag("session.request_number", message.RequestNumber);
        var metadata = SessionMetadataBuilder.Build(
            message.SessionId, message.FileHash, message.RequestNumber, message.AnalogRate, message.SamplesPerChannel, message.ChannelLabels);
        metadataStore.Remember(metadata);

        var recording = (await recordings.GetAsync(message.FileHash, context.CancellationToken)).Value;
        if (recording is null)
        {
            LogMissingFile(logger, message.SessionId, message.FileHash);
            return;
        }

        if (recording.SamplesPerChannel == 0 || !(recording.AnalogRate > 0))
        {
            return;
        }

        var envelopeAvailable = envelopes.IsAvailable(recording.AnalogRate, recording.SamplesPerChannel);
        var whole = new SampleWindow(0, recording.SamplesPerChannel);
        int written = 0, skipped = 0;
        foreach (var source in metadata.Channels)
        {
            var own = ChannelResolver.OwnKind(source);
            SignalKind[] kinds = own == SignalKind.Raw && envelopeAvailable ? [own, SignalKind.Envelope] : [own];
            foreach (var kind in kinds)
            {
                var channel = new ResolvedChannel(source, kind);
                var samples = (await recordings.SamplesAsync(recording, channel, context.CancellationToken)).Value;
                if (samples is null)
                {
                    continue;
                }

                var series = MinMaxDownsampler.Downsample(samples, recording.AnalogRate, whole, options.Value.DefaultMaxPoints);
                if (await overviews.SaveAsync(message.SessionId, channel, series, message.RequestNumber))
                {
                    written++;
                }
                else
                {
                    skipped++;
                }
            }
        }

        SignalsTelemetry.OverviewsPrecomputed.Add(written);
        LogPrecomputed(logger, written, message.SessionId, message.RequestNumber, skipped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No overviews for session {SessionId}: the file store does not hold {FileHash}")]
    private static partial void LogMissingFile(ILogger logger, Guid sessionId, string fileHash);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Precomputed {Written} overview series for session {SessionId} (request {RequestNumber}); {Skipped} not written (newer request stored or Redis unreachable)")]
    private static partial void LogPrecomputed(ILogger logger, int written, Guid sessionId, int requestNumber, int skipped);
}
