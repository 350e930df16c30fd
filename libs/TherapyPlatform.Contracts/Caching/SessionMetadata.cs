namespace TherapyPlatform.Contracts.Caching;

/// <summary>
/// What Signals needs to know of a session's recording without reading its file: written by Analytics with the
/// analytics (JSON, camelCase) under <see cref="CacheKeys.Metadata"/>, rebuilt by Signals from the stored file on a miss.
/// </summary>
public sealed record SessionMetadata(
    Guid SessionId,
    string FileHash,
    int RequestNumber,
    double AnalogRate,
    int SamplesPerChannel,
    double DurationSeconds,
    IReadOnlyList<ChannelMetadata> Channels);

/// <param name="Name">The C3D label, e.g. <c>CH1 Raw</c>.</param>
/// <param name="Kind"><c>raw</c> or <c>activated</c>.</param>
/// <param name="Muscle">The muscle base name, e.g. <c>CH1</c>.</param>
public sealed record ChannelMetadata(string Name, string Kind, string Muscle);
