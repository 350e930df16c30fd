using TherapyPlatform.Contracts.Caching;

namespace TherapyPlatform.Signals.Channels;

/// <summary>What a series shows: a recorded channel (raw EMG or the game's activation) or the processed envelope of a raw one.</summary>
internal enum SignalKind
{
    Raw,
    Activated,
    Envelope,
}

internal static class SignalKinds
{
    public const string Raw = ChannelKinds.Raw;
    public const string Activated = ChannelKinds.Activated;
    public const string Envelope = "envelope";

    public static string Name(this SignalKind kind) => kind switch
    {
        SignalKind.Raw => Raw,
        SignalKind.Activated => Activated,
        _ => Envelope,
    };

    public static bool TryParse(string? text, out SignalKind kind)
    {
        foreach (var candidate in Enum.GetValues<SignalKind>())
        {
            if (string.Equals(text?.Trim(), candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
