namespace TherapyPlatform.Emg.Settings;

/// <summary>
/// Every processing parameter, default session value, weight and target of the EMG analytics, with the
/// defaults of the reference analyzer (docs/emg-analytics.md). Services load this from configuration;
/// <see cref="Default"/> reproduces the golden values.
/// </summary>
public sealed record AnalyticsSettings
{
    public static AnalyticsSettings Default { get; } = new();

    public SpectralSettings Spectral { get; init; } = new();

    public TemporalSettings Temporal { get; init; } = new();

    public SignalGateSettings Gate { get; init; } = new();

    public EnvelopeSettings Envelope { get; init; } = new();

    public ContractionSettings Contractions { get; init; } = new();

    /// <summary>Values used when neither the request nor the file's THERAPY group gives them.</summary>
    public SessionDefaults Session { get; init; } = new();

    public ScoringSettings Scoring { get; init; } = new();
}

/// <summary>Welch PSD parameters: Hann segments of <see cref="SegmentLength"/> samples, 50 % overlap.</summary>
public sealed record SpectralSettings
{
    /// <summary>Segment length (nperseg); must be a power of two. Spectral metrics are null below it.</summary>
    public int SegmentLength { get; init; } = 256;

    /// <summary>Signals with a population standard deviation below this have no spectral metrics.</summary>
    public double MinStandardDeviation { get; init; } = 1e-10;
}

/// <summary>Overlapping windows for the temporal statistics.</summary>
public sealed record TemporalSettings
{
    public double WindowMs { get; init; } = 1000;

    public double OverlapPercent { get; init; } = 50;

    /// <summary>Fewer valid windows than this give null statistics.</summary>
    public int MinValidWindows { get; init; } = 3;
}

/// <summary>The signal gate for envelope and contractions.</summary>
public sealed record SignalGateSettings
{
    public int MinSamples { get; init; } = 1000;

    public double MinDurationSeconds { get; init; } = 10;

    public double MaxDurationSeconds { get; init; } = 600;

    public double MinStandardDeviation { get; init; } = 1e-10;
}

/// <summary>The processed envelope: high-pass, rectify, low-pass (Butterworth, zero-phase), moving average.</summary>
public sealed record EnvelopeSettings
{
    public int FilterOrder { get; init; } = 4;

    public double HighPassHz { get; init; } = 20;

    public double LowPassHz { get; init; } = 10;

    public double SmoothingMs { get; init; } = 50;
}

/// <summary>Contraction detection on the timing signal (activated channel or envelope).</summary>
public sealed record ContractionSettings
{
    /// <summary>Threshold factor of the smoothed maximum when the timing signal is the activated channel.</summary>
    public double ActivatedThresholdFactor { get; init; } = 0.05;

    /// <summary>Threshold factor when the timing signal is the envelope.</summary>
    public double EnvelopeThresholdFactor { get; init; } = 0.10;

    public double MinDurationMs { get; init; } = 100;

    public int SmoothingWindowSamples { get; init; } = 100;

    public double MergeThresholdMs { get; init; } = 200;

    public double RefractoryPeriodMs { get; init; }

    public double MaxContractionMs { get; init; } = 10_000;
}

/// <summary>Session values used when the session itself does not give them.</summary>
public sealed record SessionDefaults
{
    public double MvcThresholdPercent { get; init; } = 75;

    public double DurationThresholdMs { get; init; } = 2000;

    public int TargetContractions { get; init; } = 12;
}
