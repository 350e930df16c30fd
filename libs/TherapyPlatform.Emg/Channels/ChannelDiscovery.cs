namespace TherapyPlatform.Emg.Channels;

/// <summary>A muscle: its base name (e.g. CH1), the raw EMG channel and the game's activation channel if any.</summary>
public sealed record MuscleChannel(string Base, string RawLabel, string? ActivatedLabel);

/// <summary>
/// Every "&lt;base&gt; Raw" analog channel is a muscle, paired with "&lt;base&gt; activated" when present
/// (labels trimmed, case-insensitive). A file without any "Raw" channel treats each analog channel as a
/// muscle of its own name, without activation channel.
/// </summary>
public static class ChannelDiscovery
{
    public const string RawSuffix = " Raw";
    public const string ActivatedSuffix = " activated";

    public static IReadOnlyList<MuscleChannel> Discover(IEnumerable<string> analogLabels)
    {
        ArgumentNullException.ThrowIfNull(analogLabels);
        var labels = analogLabels.Select(label => label.Trim()).ToList();
        var muscles = new List<MuscleChannel>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var label in labels.Where(l => l.EndsWith(RawSuffix, StringComparison.OrdinalIgnoreCase)))
        {
            var baseName = label[..^RawSuffix.Length].Trim();
            if (baseName.Length > 0 && seen.Add(baseName))
            {
                var activated = labels.FirstOrDefault(l => string.Equals(l, baseName + ActivatedSuffix, StringComparison.OrdinalIgnoreCase));
                muscles.Add(new MuscleChannel(baseName, label, activated));
            }
        }

        if (muscles.Count > 0)
        {
            return muscles;
        }

        return labels.Where(l => l.Length > 0 && seen.Add(l)).Select(l => new MuscleChannel(l, l, null)).ToList();
    }
}
