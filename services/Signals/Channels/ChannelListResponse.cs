using TherapyPlatform.Contracts.Caching;

namespace TherapyPlatform.Signals.Channels;

/// <summary>A session's plottable channels and the recording's facts.</summary>
/// <param name="DerivedKinds">Kinds computed from the recorded channels (<c>envelope</c> of raw EMG) that this session supports.</param>
internal sealed record ChannelListResponse(
    Guid SessionId,
    double SamplingRate,
    int SamplesPerChannel,
    double DurationSeconds,
    IReadOnlyList<ChannelResponse> Channels,
    IReadOnlyList<string> DerivedKinds)
{
    public static ChannelListResponse From(SessionMetadata metadata, bool envelopeAvailable)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var channels = metadata.Channels.Select(channel =>
        {
            var own = ChannelResolver.OwnKind(channel);
            IReadOnlyList<string> kinds = own == SignalKind.Raw && envelopeAvailable
                ? [SignalKinds.Raw, SignalKinds.Envelope]
                : [own.Name()];
            return new ChannelResponse(channel.Name, own.Name(), channel.Muscle, kinds);
        }).ToList();
        IReadOnlyList<string> derived = envelopeAvailable && channels.Any(c => c.Kind == SignalKinds.Raw) ? [SignalKinds.Envelope] : [];
        return new ChannelListResponse(metadata.SessionId, metadata.AnalogRate, metadata.SamplesPerChannel, metadata.DurationSeconds, channels, derived);
    }
}

/// <param name="Name">The C3D label, e.g. <c>CH1 Raw</c>; the series route takes it (or the muscle) case-insensitively.</param>
/// <param name="Kind">The recorded kind: raw or activated.</param>
/// <param name="Kinds">The kinds a series of this channel can be asked for.</param>
internal sealed record ChannelResponse(string Name, string Kind, string Muscle, IReadOnlyList<string> Kinds);
