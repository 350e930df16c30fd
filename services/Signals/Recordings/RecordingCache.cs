using System.Diagnostics;
using TherapyPlatform.ServiceDefaults.FileStore;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Telemetry;

namespace TherapyPlatform.Signals.Recordings;

/// <summary>
/// Decoded recordings and their envelopes in the bounded memory cache, keyed by file hash (a session never changes
/// its file), so zooming into windows never reads or decodes the file again.
/// </summary>
internal sealed class RecordingCache(SignalsMemoryCache memory, IFileStore files, EnvelopeCalculator envelopes)
{
    public const string RecordingEntry = "recording";
    public const string EnvelopeEntry = "envelope";

    /// <summary>The decoded file, or null when the store does not hold it.</summary>
    /// <exception cref="C3d.C3dFormatException">The stored file is not a readable C3D file.</exception>
    public Task<Cached<DecodedRecording>> GetAsync(string fileHash, CancellationToken cancellationToken) =>
        memory.GetOrLoadAsync(
            RecordingEntry, $"{RecordingEntry}:{fileHash}", () => LoadAsync(fileHash), r => r.SizeBytes, null, cancellationToken);

    /// <summary>The samples of a resolved channel (its envelope for <see cref="SignalKind.Envelope"/>), or null when the file lacks it.</summary>
    public async Task<Cached<double[]>> SamplesAsync(DecodedRecording recording, ResolvedChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(channel);
        var samples = recording.Samples(channel.Source.Name);
        if (samples is null || channel.Kind != SignalKind.Envelope)
        {
            return new Cached<double[]>(samples, true);
        }

        return await memory.GetOrLoadAsync(
            EnvelopeEntry,
            $"{EnvelopeEntry}:{recording.FileHash}:{channel.Source.Name.ToUpperInvariant()}",
            () => Task.FromResult<double[]?>(ComputeEnvelope(samples, recording.AnalogRate)),
            envelope => (long)envelope.Length * sizeof(double),
            null,
            cancellationToken);
    }

    private async Task<DecodedRecording?> LoadAsync(string fileHash)
    {
        var started = Stopwatch.GetTimestamp();
        byte[]? content;
        using (SignalsTelemetry.Source.StartActivity("file store read"))
        {
            // Shared by every request waiting for this file: one caller giving up must not cancel it.
            content = await files.GetAsync(fileHash, CancellationToken.None);
        }

        if (content is null)
        {
            return null;
        }

        using var decode = SignalsTelemetry.Source.StartActivity("decode C3D");
        decode?.SetTag("file.bytes", content.Length);
        var recording = DecodedRecording.Decode(fileHash, content);
        SignalsTelemetry.FileLoadDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return recording;
    }

    private double[] ComputeEnvelope(double[] raw, double rate)
    {
        using var activity = SignalsTelemetry.Source.StartActivity("envelope");
        activity?.SetTag("signal.samples", raw.Length);
        return envelopes.Compute(raw, rate);
    }
}
