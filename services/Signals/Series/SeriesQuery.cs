using System.Globalization;
using TherapyPlatform.Signals.Channels;

namespace TherapyPlatform.Signals.Series;

/// <summary>The query of a series request, checked: every bad parameter is named with the reason.</summary>
/// <param name="Kind">The asked kind; null means the channel's own.</param>
/// <param name="From">Window start in seconds; null means the start of the recording.</param>
/// <param name="To">Window end in seconds (exclusive); null means the end of the recording.</param>
internal sealed record SeriesQuery(SignalKind? Kind, double? From, double? To, int MaxPoints)
{
    public static bool TryParse(
        string? kind, string? from, string? to, string? maxPoints, SeriesLimits limits, out SeriesQuery query, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<string>();
        SignalKind? parsedKind = null;
        if (kind is not null)
        {
            if (SignalKinds.TryParse(kind, out var known))
            {
                parsedKind = known;
            }
            else
            {
                problems.Add($"kind must be {SignalKinds.Raw}, {SignalKinds.Activated} or {SignalKinds.Envelope} (got '{kind}').");
            }
        }

        var start = Seconds("from", from, problems);
        var end = Seconds("to", to, problems);
        var points = limits.DefaultMaxPoints;
        if (maxPoints is not null
            && (!int.TryParse(maxPoints, NumberStyles.Integer, CultureInfo.InvariantCulture, out points)
                || points < MinMaxDownsampler.MinimumPoints || points > limits.MaxPointsLimit))
        {
            problems.Add($"maxPoints must be a whole number from {MinMaxDownsampler.MinimumPoints} to {limits.MaxPointsLimit} (got '{maxPoints}').");
        }

        query = new SeriesQuery(parsedKind, start, end, points);
        errors = problems;
        return problems.Count == 0;
    }

    private static double? Seconds(string name, string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return seconds;
        }

        problems.Add($"{name} must be a number of seconds (got '{text}').");
        return null;
    }
}

/// <summary>How many points a series has by default and may have at most.</summary>
internal sealed record SeriesLimits(int DefaultMaxPoints, int MaxPointsLimit);
