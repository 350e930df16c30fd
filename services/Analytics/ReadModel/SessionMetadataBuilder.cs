using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Emg.Channels;

namespace TherapyPlatform.Analytics.ReadModel;

/// <summary>
/// The <see cref="SessionMetadata"/> Signals needs, from an analysis' file facts: channels in file order, each
/// named by its muscle and kind with the EMG library's channel discovery (so both services agree on muscles).
/// Channels that belong to no muscle are left out.
/// </summary>
public static class SessionMetadataBuilder
{
    public const string RawKind = "raw";
    public const string ActivatedKind = "activated";

    public static SessionMetadata Build(Guid sessionId, string fileHash, int requestNumber, FileFacts facts)
    {
        var roles = new Dictionary<string, (string Kind, string Muscle)>(StringComparer.OrdinalIgnoreCase);
        foreach (var muscle in ChannelDiscovery.Discover(facts.ChannelLabels))
        {
            roles.TryAdd(muscle.RawLabel, (RawKind, muscle.Base));
            if (muscle.ActivatedLabel is { } activated)
            {
                roles.TryAdd(activated, (ActivatedKind, muscle.Base));
            }
        }

        var channels = facts.ChannelLabels
            .Select(label => label.Trim())
            .Where(roles.ContainsKey)
            .Select(label => new ChannelMetadata(label, roles[label].Kind, roles[label].Muscle))
            .ToList();
        return new SessionMetadata(
            sessionId, fileHash, requestNumber, facts.AnalogRate, facts.SamplesPerChannel, facts.DurationS, channels);
    }
}
