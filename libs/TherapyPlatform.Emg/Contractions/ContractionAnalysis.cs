namespace TherapyPlatform.Emg.Contractions;

/// <summary>
/// The contractions of a channel and their summary. <see cref="TimingThreshold"/> is the activity
/// threshold on the smoothed timing signal (null when the signal was too short or flat to detect anything).
/// Not sealed: <see cref="Analysis.ChannelAnalysis"/> extends it so a channel serialises flat, as the
/// reference's report does.
/// </summary>
public record ContractionAnalysis
{
    public int ContractionCount { get; init; }

    public double AvgDurationMs { get; init; }

    public double MinDurationMs { get; init; }

    public double MaxDurationMs { get; init; }

    public double TotalTimeUnderTensionMs { get; init; }

    /// <summary>Mean of the contractions' mean amplitudes.</summary>
    public double AvgAmplitude { get; init; }

    public double MaxAmplitude { get; init; }

    public int GoodContractionCount { get; init; }

    public int MvcCompliantCount { get; init; }

    public int DurationCompliantCount { get; init; }

    /// <summary>Good / count; 0 without contractions.</summary>
    public double ComplianceRate { get; init; }

    public double? TimingThreshold { get; init; }

    public IReadOnlyList<Contraction> Contractions { get; init; } = [];

    public static ContractionAnalysis Empty(double? timingThreshold = null) => new() { TimingThreshold = timingThreshold };

    public static ContractionAnalysis Summarize(IReadOnlyList<Contraction> contractions, double? timingThreshold)
    {
        ArgumentNullException.ThrowIfNull(contractions);
        if (contractions.Count == 0)
        {
            return Empty(timingThreshold);
        }

        double total = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        double meanSum = 0, peak = double.NegativeInfinity;
        int good = 0, mvc = 0, duration = 0;
        foreach (var c in contractions)
        {
            total += c.DurationMs;
            min = Math.Min(min, c.DurationMs);
            max = Math.Max(max, c.DurationMs);
            meanSum += c.MeanAmplitude;
            peak = Math.Max(peak, c.MaxAmplitude);
            good += c.IsGood ? 1 : 0;
            mvc += c.MeetsMvc ? 1 : 0;
            duration += c.MeetsDuration ? 1 : 0;
        }

        var count = contractions.Count;
        return new ContractionAnalysis
        {
            Contractions = contractions,
            ContractionCount = count,
            AvgDurationMs = total / count,
            MinDurationMs = min,
            MaxDurationMs = max,
            TotalTimeUnderTensionMs = total,
            AvgAmplitude = meanSum / count,
            MaxAmplitude = peak,
            GoodContractionCount = good,
            MvcCompliantCount = mvc,
            DurationCompliantCount = duration,
            ComplianceRate = (double)good / count,
            TimingThreshold = timingThreshold,
        };
    }
}
