namespace TherapyPlatform.Contracts;

/// <summary>
/// A session's analysis was committed. Published from the committed events, at least once; a later request
/// number replaces the earlier one's derived data (cached analytics, overview series).
/// </summary>
public sealed record SessionAnalyzed(
    Guid SessionId,
    int RequestNumber,
    string FileHash,
    double AnalogRate,
    int SamplesPerChannel,
    IReadOnlyList<string> ChannelLabels,
    DateTimeOffset AnalyzedAt);
