using System.Buffers;
using Microsoft.Extensions.Options;
using TherapyPlatform.C3d;
using TherapyPlatform.ServiceDefaults.FileStore;
using TherapyPlatform.ServiceDefaults.WarmUp;
using TherapyPlatform.Sessions;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Formats;
using TherapyPlatform.Signals.Metadata;
using TherapyPlatform.Signals.Recordings;
using TherapyPlatform.Signals.Series;
using TherapyPlatform.Signals.Telemetry;

namespace TherapyPlatform.Signals.Overviews;

/// <summary>
/// Takes a synthetic GHOSTLY-shaped file through what the overview precomputation and a series request compute (the
/// decode, the envelope, the downsampling, the stored and served encodings), in memory, plus the database reads of
/// a session that does not exist: the first session after a start took 0.3 s to precompute and its first plot paid
/// the same. Nothing is stored or cached.
/// </summary>
internal sealed class OverviewWarmUp(
    ISessionFileLookup sessions, IFileStore files, EnvelopeCalculator envelopes, IOptions<SignalsOptions> options) : IWarmUp
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var activity = SignalsTelemetry.Source.StartActivity("warm up overviews");
        var content = GhostlyFiles.Create(seed: 1, seconds: 10);
        var hash = SessionIdentity.HashOf(content);
        var recording = DecodedRecording.Decode(hash, content);
        var whole = new SampleWindow(0, recording.SamplesPerChannel);
        var output = new ArrayBufferWriter<byte>();
        foreach (var label in recording.Labels)
        {
            var samples = recording.Samples(label)!;
            var series = MinMaxDownsampler.Downsample(samples, recording.AnalogRate, whole, options.Value.DefaultMaxPoints);
            _ = OverviewCodec.TryDecode(OverviewCodec.Encode(series, 1), out _, out _);
            BinarySeriesWriter.Write(series, output);
            CsvSeriesWriter.Write(series, output);
            if (envelopes.IsAvailable(recording.AnalogRate, recording.SamplesPerChannel))
            {
                _ = MinMaxDownsampler.Downsample(envelopes.Compute(samples, recording.AnalogRate), recording.AnalogRate, whole, options.Value.DefaultMaxPoints);
            }
        }

        _ = await sessions.FindAsync(Guid.NewGuid(), cancellationToken);
        _ = await files.GetAsync(hash, cancellationToken);
    }
}
