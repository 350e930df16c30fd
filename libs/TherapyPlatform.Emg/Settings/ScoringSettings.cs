namespace TherapyPlatform.Emg.Settings;

/// <summary>Weights, gates and mappings of the clinical scores.</summary>
public sealed record ScoringSettings
{
    /// <summary>Per-muscle score weight of the contraction count against the target.</summary>
    public double CountWeight { get; init; } = 0.333;

    /// <summary>Per-muscle score weight of the MVC-compliant share.</summary>
    public double IntensityWeight { get; init; } = 0.333;

    /// <summary>Per-muscle score weight of the duration-compliant share.</summary>
    public double DurationWeight { get; init; } = 0.334;

    /// <summary>BFR gate: compliance counts only when the cuff pressure (% AOP) is within [min, max].</summary>
    public double BfrMinPercentAop { get; init; } = 45;

    public double BfrMaxPercentAop { get; init; } = 55;

    /// <summary>Effort score for each RPE 0..10 (index = RPE).</summary>
    public IReadOnlyList<double> EffortByRpe { get; init; } = [20, 20, 60, 80, 100, 100, 100, 80, 60, 20, 20];

    public OverallWeights Overall { get; init; } = new();
}

/// <summary>Weights of the components of the overall score.</summary>
public sealed record OverallWeights
{
    public double Compliance { get; init; } = 0.50;

    public double Symmetry { get; init; } = 0.25;

    public double Effort { get; init; } = 0.25;

    public double Game { get; init; }
}
