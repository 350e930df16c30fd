using TherapyPlatform.Emg.Contractions;
using TherapyPlatform.Emg.Mvc;
using TherapyPlatform.Emg.Temporal;

namespace TherapyPlatform.Emg.Analysis;

/// <summary>
/// Everything the analytics report for one muscle: whole-signal metrics of the raw channel, temporal
/// statistics, the signal gate, the MVC threshold and the contractions with their summary (inherited,
/// so the JSON is flat like the reference's report).
/// </summary>
public sealed record ChannelAnalysis : ContractionAnalysis
{
    public ChannelAnalysis()
    {
    }

    public ChannelAnalysis(ContractionAnalysis contractions)
        : base(contractions)
    {
    }

    public string RawLabel { get; init; } = string.Empty;

    public string? ActivatedLabel { get; init; }

    /// <summary>Samples of the raw channel.</summary>
    public int N { get; init; }

    public double Rms { get; init; }

    public double Mav { get; init; }

    public double? Mpf { get; init; }

    public double? Mdf { get; init; }

    public double? FatigueIndexFiNsm5 { get; init; }

    public TemporalStatistics? Temporal { get; init; }

    public bool SignalValid { get; init; }

    public string SignalMessage { get; init; } = string.Empty;

    public MvcThreshold? Mvc { get; init; }

    /// <summary>The MVC threshold the contractions were judged against (null when none could be set).</summary>
    public double? Mvc75Threshold { get; init; }

    public double DurationThresholdActualValue { get; init; }

    /// <summary>Label of the timing signal (activated channel, or "envelope"); null when not analysed.</summary>
    public string? TimingSource { get; init; }
}
