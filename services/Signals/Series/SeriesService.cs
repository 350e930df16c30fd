using Microsoft.Extensions.Options;
using TherapyPlatform.C3d;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Metadata;
using TherapyPlatform.Signals.Overviews;
using TherapyPlatform.Signals.Recordings;
using TherapyPlatform.Signals.Telemetry;

namespace TherapyPlatform.Signals.Series;

/// <summary>A series ready to write, and where it came from: a cache layer (hit) or null when the file was read or a value computed.</summary>
internal sealed record ServedSeries(SessionMetadata Session, ResolvedChannel Channel, SignalSeries Series, string? CacheLayer);

/// <summary>
/// Answers a series request: the stored overview (memory, else Redis) when the whole recording is asked at the
/// default point count, otherwise the window cut from the decoded channel (memory, else the file store) and
/// downsampled; a computed overview is stored for the next request.
/// </summary>
internal sealed class SeriesService(
    SessionMetadataStore metadataStore,
    RecordingCache recordings,
    OverviewStore overviews,
    EnvelopeCalculator envelopes,
    IOptions<SignalsOptions> options)
{
    public async Task<Outcome<ServedSeries>> GetAsync(Guid sessionId, string channelName, SeriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (metadata, problem) = await metadataStore.GetAsync(sessionId, cancellationToken);
        if (metadata is null)
        {
            return new Outcome<ServedSeries>(null, problem);
        }

        var envelopeAvailable = envelopes.IsAvailable(metadata.AnalogRate, metadata.SamplesPerChannel);
        if (!ChannelResolver.TryResolve(metadata, channelName, query.Kind, envelopeAvailable, out var channel, out problem))
        {
            return new Outcome<ServedSeries>(null, problem);
        }

        if (!SampleWindow.TryResolve(query.From, query.To, metadata.AnalogRate, metadata.SamplesPerChannel, out var window, out var error))
        {
            return new Outcome<ServedSeries>(null, SignalsProblem.BadRequest(error!));
        }

        var isOverview = window.Covers(metadata.SamplesPerChannel) && query.MaxPoints == options.Value.DefaultMaxPoints;
        if (isOverview && await overviews.GetAsync(metadata, channel!, cancellationToken) is ({ } stored, var layer))
        {
            return Served(metadata, channel!, stored, layer);
        }

        Cached<DecodedRecording> recording;
        try
        {
            recording = await recordings.GetAsync(metadata.FileHash, cancellationToken);
        }
        catch (C3dFormatException e)
        {
            return new Outcome<ServedSeries>(null, SignalsProblem.UnreadableFile(e.Message));
        }

        if (recording.Value is null)
        {
            return new Outcome<ServedSeries>(null, SignalsProblem.NotFound($"The file of session {sessionId} is no longer stored."));
        }

        var samples = await recordings.SamplesAsync(recording.Value, channel!, cancellationToken);
        if (samples.Value is null)
        {
            return new Outcome<ServedSeries>(null, SignalsProblem.NotFound($"The file of session {sessionId} has no channel '{channel!.Source.Name}'."));
        }

        var series = MinMaxDownsampler.Downsample(samples.Value, recording.Value.AnalogRate, window, query.MaxPoints);
        if (isOverview)
        {
            await overviews.SaveAsync(sessionId, channel!, series, metadata.RequestNumber);
        }

        return Served(metadata, channel!, series, recording.Hit && samples.Hit ? CacheLayers.Memory : null);
    }

    private static Outcome<ServedSeries> Served(SessionMetadata metadata, ResolvedChannel channel, SignalSeries series, string? layer)
    {
        SignalsTelemetry.SeriesPoints.Record(series.PointCount);
        return new Outcome<ServedSeries>(new ServedSeries(metadata, channel, series, layer), null);
    }
}
