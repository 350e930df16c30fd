namespace TherapyPlatform.Emg.Scoring;

/// <summary>
/// The session's clinical scores (0-100). Components that lack their inputs are null: symmetry needs
/// two muscles, effort an RPE, game the points and their maximum; overall needs compliance and symmetry.
/// </summary>
public sealed record ClinicalScores
{
    /// <summary>Per-muscle compliance score S by base name.</summary>
    public IReadOnlyDictionary<string, double> MuscleCompliance { get; init; } = new Dictionary<string, double>();

    public int TargetContractions { get; init; }

    public double? BfrPressureAop { get; init; }

    /// <summary>1 when the cuff pressure is within the gate or not recorded, else 0.</summary>
    public double BfrGate { get; init; }

    /// <summary>Mean of the per-muscle scores times the BFR gate; null without muscles.</summary>
    public double? Compliance { get; init; }

    public double? Symmetry { get; init; }

    public int? Rpe { get; init; }

    public double? Effort { get; init; }

    public double? Game { get; init; }

    public double? Overall { get; init; }
}
