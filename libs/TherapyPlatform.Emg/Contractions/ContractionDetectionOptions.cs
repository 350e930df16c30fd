namespace TherapyPlatform.Emg.Contractions;

/// <summary>
/// Parameters of one detection run. Times in ms are turned into samples as int(ms / 1000 * fs).
/// A null <see cref="MvcThreshold"/> or <see cref="DurationThresholdMs"/> means that criterion is not
/// configured: its flag is false and "good" rests on the other one alone.
/// </summary>
public sealed record ContractionDetectionOptions
{
    public required double ThresholdFactor { get; init; }

    public double MinDurationMs { get; init; } = 100;

    public int SmoothingWindowSamples { get; init; } = 100;

    public double MergeThresholdMs { get; init; } = 200;

    public double RefractoryPeriodMs { get; init; }

    public double MaxContractionMs { get; init; } = 10_000;

    public double? MvcThreshold { get; init; }

    public double? DurationThresholdMs { get; init; }
}
