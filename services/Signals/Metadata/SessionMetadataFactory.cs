using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Emg.Channels;
using TherapyPlatform.Signals.Channels;

namespace TherapyPlatform.Signals.Metadata;

/// <summary>
/// A session's <see cref="SessionMetadata"/> from its recording's facts: the muscle channels as the EMG library
/// discovers them ("&lt;base&gt; Raw" and "&lt;base&gt; activated"), in the file's order; other analog channels are not signals.
/// </summary>
internal static class SessionMetadataFactory
{
    public static SessionMetadata Create(
        Guid sessionId, string fileHash, int requestNumber, double analogRate, int samplesPerChannel, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var muscles = ChannelDiscovery.Discover(labels);
        var channels = new List<ChannelMetadata>();
        foreach (var label in labels.Select(l => l.Trim()))
        {
            if (muscles.FirstOrDefault(m => Same(m.RawLabel, label)) is { } raw)
            {
                channels.Add(new ChannelMetadata(label, SignalKinds.Raw, raw.Base));
            }
            else if (muscles.FirstOrDefault(m => Same(m.ActivatedLabel, label)) is { } activated)
            {
                channels.Add(new ChannelMetadata(label, SignalKinds.Activated, activated.Base));
            }
        }

        var duration = analogRate > 0 ? samplesPerChannel / analogRate : 0;
        return new SessionMetadata(sessionId, fileHash, requestNumber, analogRate, samplesPerChannel, duration, channels);
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
