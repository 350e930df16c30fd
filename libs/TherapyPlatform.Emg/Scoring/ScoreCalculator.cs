using TherapyPlatform.Emg.Contractions;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Emg.Scoring;

/// <summary>The clinical scores of docs/emg-analytics.md; every weight, target and gate from <see cref="ScoringSettings"/>.</summary>
public static class ScoreCalculator
{
    /// <summary>
    /// S = 100 * (w_c * min(count / target, 1) + w_i * mvc_compliant / count + w_d * duration_compliant / count);
    /// the two ratios are 0 without contractions.
    /// </summary>
    public static double MuscleCompliance(ContractionAnalysis contractions, int targetContractions, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(contractions);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetContractions);
        var count = contractions.ContractionCount;
        var completion = Math.Min((double)count / targetContractions, 1.0);
        var intensity = count > 0 ? (double)contractions.MvcCompliantCount / count : 0.0;
        var duration = count > 0 ? (double)contractions.DurationCompliantCount / count : 0.0;
        return 100 * ((settings.CountWeight * completion) + (settings.IntensityWeight * intensity) + (settings.DurationWeight * duration));
    }

    /// <summary>1 when the pressure is not recorded or within [min, max] % AOP (inclusive), else 0.</summary>
    public static double BfrGate(double? pressurePercentAop, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return pressurePercentAop is not { } pressure
            || (pressure >= settings.BfrMinPercentAop && pressure <= settings.BfrMaxPercentAop) ? 1.0 : 0.0;
    }

    /// <summary>100 * (1 - |L - R| / (L + R)); 0 when both are 0.</summary>
    public static double Symmetry(double left, double right) =>
        left + right == 0 ? 0 : 100 * (1 - (Math.Abs(left - right) / (left + right)));

    public static double Effort(int rpe, ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (rpe < 0 || rpe >= settings.EffortByRpe.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(rpe), rpe, "The RPE must be within 0-10.");
        }

        return settings.EffortByRpe[rpe];
    }

    public static double Game(double points, double maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPoints);
        return points / maxPoints * 100;
    }

    /// <summary>sum(w_k S_k) / sum(w_k) over the components present; null without compliance or symmetry, or with no weight.</summary>
    public static double? Overall(double? compliance, double? symmetry, double? effort, double? game, OverallWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (compliance is null || symmetry is null)
        {
            return null;
        }

        var weighted = 0.0;
        var totalWeight = 0.0;
        foreach (var (score, weight) in new[] { (compliance, weights.Compliance), (symmetry, weights.Symmetry), (effort, weights.Effort), (game, weights.Game) })
        {
            if (score is { } value)
            {
                weighted += weight * value;
                totalWeight += weight;
            }
        }

        return totalWeight > 0 ? weighted / totalWeight : null;
    }

    /// <summary>All scores of a session from its muscles' contractions (in channel order: the first two are left and right).</summary>
    public static ClinicalScores Compute(
        IReadOnlyList<(string Muscle, ContractionAnalysis Contractions)> muscles,
        ResolvedSessionSettings session,
        ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(muscles);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        var perMuscle = new Dictionary<string, double>();
        foreach (var (muscle, contractions) in muscles)
        {
            perMuscle[muscle] = MuscleCompliance(contractions, session.TargetContractions, settings);
        }

        var gate = BfrGate(session.BfrPressureAop, settings);
        double? compliance = perMuscle.Count > 0 ? perMuscle.Values.Average() * gate : null;
        double? symmetry = muscles.Count == 2 ? Symmetry(perMuscle[muscles[0].Muscle], perMuscle[muscles[1].Muscle]) : null;
        double? effort = session.Rpe is { } rpe ? Effort(rpe, settings) : null;
        double? game = session is { GamePoints: { } points, GameMaxPoints: { } max } ? Game(points, max) : null;
        return new ClinicalScores
        {
            MuscleCompliance = perMuscle,
            TargetContractions = session.TargetContractions,
            BfrPressureAop = session.BfrPressureAop,
            BfrGate = gate,
            Compliance = compliance,
            Symmetry = symmetry,
            Rpe = session.Rpe,
            Effort = effort,
            Game = game,
            Overall = Overall(compliance, symmetry, effort, game, settings.Overall),
        };
    }
}
