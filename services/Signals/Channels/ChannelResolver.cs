using TherapyPlatform.Contracts.Caching;

namespace TherapyPlatform.Signals.Channels;

/// <summary>A series to serve: the recorded channel it comes from and what of it to show.</summary>
internal sealed record ResolvedChannel(ChannelMetadata Source, SignalKind Kind);

/// <summary>
/// Finds the channel a request names, case-insensitively and URL-encoded or not: a C3D label (<c>CH1 Raw</c>,
/// <c>CH1%20activated</c>) or a muscle (<c>ch1</c>, whose kind then picks the raw or activated channel).
/// The envelope is derived from raw EMG only.
/// </summary>
internal static class ChannelResolver
{
    public static bool TryResolve(
        SessionMetadata metadata, string requested, SignalKind? kind, bool envelopeAvailable,
        out ResolvedChannel? resolved, out SignalsProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(requested);
        resolved = null;
        problem = null;
        var name = requested.Trim();
        var channel = ByLabel(metadata, name) ?? ByLabel(metadata, Decoded(name));
        if (channel is not null)
        {
            var own = OwnKind(channel);
            var wanted = kind ?? own;
            if (wanted != own && !(wanted == SignalKind.Envelope && own == SignalKind.Raw))
            {
                problem = SignalsProblem.BadRequest(
                    $"'{channel.Name}' is recorded as {own.Name()}: kind={wanted.Name()} is not available for it.");
                return false;
            }

            return Found(channel, wanted, envelopeAvailable, out resolved, out problem);
        }

        var muscle = ByMuscle(metadata, name) ?? ByMuscle(metadata, Decoded(name));
        if (muscle is null)
        {
            problem = SignalsProblem.NotFound($"The session has no channel '{name}'.");
            return false;
        }

        var kindOfMuscle = kind ?? SignalKind.Raw;
        var recorded = kindOfMuscle == SignalKind.Activated ? SignalKinds.Activated : SignalKinds.Raw;
        channel = metadata.Channels.FirstOrDefault(c => Same(c.Muscle, muscle) && Same(c.Kind, recorded));
        if (channel is null)
        {
            problem = SignalsProblem.NotFound($"Muscle '{muscle}' has no {recorded} channel.");
            return false;
        }

        return Found(channel, kindOfMuscle, envelopeAvailable, out resolved, out problem);
    }

    public static SignalKind OwnKind(ChannelMetadata channel) =>
        Same(channel.Kind, SignalKinds.Activated) ? SignalKind.Activated : SignalKind.Raw;

    private static bool Found(
        ChannelMetadata channel, SignalKind kind, bool envelopeAvailable, out ResolvedChannel? resolved, out SignalsProblem? problem)
    {
        if (kind == SignalKind.Envelope && !envelopeAvailable)
        {
            resolved = null;
            problem = SignalsProblem.BadRequest($"'{channel.Name}' is too short for the envelope filters.");
            return false;
        }

        resolved = new ResolvedChannel(channel, kind);
        problem = null;
        return true;
    }

    private static ChannelMetadata? ByLabel(SessionMetadata metadata, string name) =>
        metadata.Channels.FirstOrDefault(c => Same(c.Name.Trim(), name));

    private static string? ByMuscle(SessionMetadata metadata, string name) =>
        metadata.Channels.FirstOrDefault(c => Same(c.Muscle, name))?.Muscle;

    /// <summary>Route values arrive decoded except for a few characters (%2F); a name encoded twice or with '+' for spaces still finds its channel.</summary>
    private static string Decoded(string name) => Uri.UnescapeDataString(name.Replace('+', ' ')).Trim();

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
