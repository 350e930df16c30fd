namespace TherapyPlatform.Signals.Series;

/// <summary>The samples [<see cref="First"/>, <see cref="End"/>) of a channel: the ones whose time i / rate lies in a window.</summary>
internal readonly record struct SampleWindow(int First, int Count)
{
    /// <summary>Products like 1.0 x 990 may land a hair off the whole number they mean; this much is still "on" it.</summary>
    private const double IndexTolerance = 1e-9;

    public int End => First + Count;

    public bool Covers(int totalSamples) => First == 0 && Count == totalSamples;

    /// <summary>
    /// The samples i with <paramref name="from"/> &lt;= i / rate &lt; <paramref name="to"/> (seconds; the whole recording
    /// by default). A window reaching past the end is cut at the end; one that starts outside the recording, runs
    /// backwards or holds no sample is refused with the reason.
    /// </summary>
    public static bool TryResolve(double? from, double? to, double rate, int totalSamples, out SampleWindow window, out string? error)
    {
        window = default;
        error = null;
        if (!(rate > 0) || totalSamples <= 0)
        {
            error = "The channel has no samples.";
            return false;
        }

        var duration = totalSamples / rate;
        var start = from ?? 0;
        var stop = to ?? duration;
        if (start < 0)
        {
            error = $"from must be at least 0 s (got {start} s).";
        }
        else if (start >= duration)
        {
            error = $"from ({start} s) is at or after the end of the recording ({duration} s).";
        }
        else if (stop <= start)
        {
            error = $"to ({stop} s) must be later than from ({start} s).";
        }

        if (error is not null)
        {
            return false;
        }

        var first = SampleAtOrAfter(start * rate);
        var end = (int)Math.Min(totalSamples, SampleAtOrAfter(Math.Min(stop, duration) * rate));
        if (end <= first)
        {
            error = $"The window [{start} s, {stop} s) holds no sample (one every {1 / rate} s).";
            return false;
        }

        window = new SampleWindow((int)first, end - (int)first);
        return true;
    }

    private static long SampleAtOrAfter(double position)
    {
        var nearest = Math.Round(position);
        return Math.Abs(position - nearest) <= IndexTolerance * Math.Max(1, nearest) ? (long)nearest : (long)Math.Ceiling(position);
    }
}
