using TherapyPlatform.C3d;

namespace TherapyPlatform.Signals.Recordings;

/// <summary>The analog channels of one session file, decoded and scaled by the C3D library, by label (case-insensitive).</summary>
internal sealed class DecodedRecording
{
    private readonly Dictionary<string, double[]> channels;

    private DecodedRecording(string fileHash, double analogRate, IReadOnlyList<AnalogChannel> analogs)
    {
        FileHash = fileHash;
        AnalogRate = analogRate;
        Labels = analogs.Select(a => a.Label).ToList();
        SamplesPerChannel = analogs.Count > 0 ? analogs[0].Samples.Length : 0;
        channels = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var analog in analogs)
        {
            // The C3D library's FindAnalog takes the first of equal labels; so does this.
            channels.TryAdd(analog.Label, analog.Samples);
        }

        SizeBytes = channels.Values.Sum(samples => (long)samples.Length * sizeof(double));
    }

    public string FileHash { get; }

    public double AnalogRate { get; }

    public int SamplesPerChannel { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Memory held by the samples, the size the cache charges for this recording.</summary>
    public long SizeBytes { get; }

    /// <exception cref="C3dFormatException">The content is not a readable C3D file.</exception>
    public static DecodedRecording Decode(string fileHash, ReadOnlySpan<byte> content)
    {
        var file = C3dFile.Read(content);
        return new DecodedRecording(fileHash, file.AnalogRate, file.Analogs);
    }

    public double[]? Samples(string label) => channels.GetValueOrDefault(label.Trim());
}
