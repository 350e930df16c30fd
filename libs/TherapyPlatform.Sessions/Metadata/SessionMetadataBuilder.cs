using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Emg.Channels;

namespace TherapyPlatform.Sessions.Metadata;

/// <summary>
/// A session's <see cref="SessionMetadata"/> from its recording's facts, the one way both Analytics (with the
/// analytics) and Signals (from the stored file, on a miss) build it: the muscle channels as the EMG library
/// discovers them ("&lt;base&gt; Raw" and "&lt;base&gt; activated", case-insensitively), in the file's order;
/// analog channels that belong to no muscle are not signals and are left out.
/// </summary>
public static class SessionMetadataBuilder
{
    public static SessionMetadata Build(
        Guid sessionId, string fileHash, int requestNumber, double analogRate, int samplesPerChannel, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var roles = new Dictionary<string, ChannelMetadata>(StringComparer.OrdinalIgnoreCase);
        foreach (var muscle in ChannelDiscovery.Discover(labels))
        {
            roles.TryAdd(muscle.RawLabel, new ChannelMetadata(muscle.RawLabel, ChannelKinds.Raw, muscle.Base));
            if (muscle.ActivatedLabel is { } activated)
            {
                roles.TryAdd(activated, new ChannelMetadata(activated, ChannelKinds.Activated, muscle.Base));
            }
        }

        var channels = labels
            .Select(label => label.Trim())
            .Where(roles.ContainsKey)
            .Select(label => roles[label] with { Name = label })
            .ToList();
        var duration = analogRate > 0 ? samplesPerChannel / analogRate : 0;
        return new SessionMetadata(sessionId, fileHash, requestNumber, analogRate, samplesPerChannel, duration, channels);
    }
}
