using TherapyPlatform.Emg.Contractions;
using TherapyPlatform.Emg.Scoring;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Emg.Tests.Scoring;

public sealed class ScoreCalculatorTests
{
    private static readonly ScoringSettings Defaults = new();

    [Theory]
    [InlineData(90, 80, 94.1)]
    [InlineData(100, 50, 66.7)]
    [InlineData(70, 70, 100.0)]
    [InlineData(0, 0, 0.0)]
    public void Symmetry(double left, double right, double expected) =>
        Assert.Equal(expected, Math.Round(ScoreCalculator.Symmetry(left, right), 1));

    [Theory]
    [InlineData(45.0, 1.0)]
    [InlineData(55.0, 1.0)]
    [InlineData(50.0, 1.0)]
    [InlineData(44.9, 0.0)]
    [InlineData(55.1, 0.0)]
    [InlineData(null, 1.0)]
    public void BFR_gate_is_inclusive(double? pressure, double gate) =>
        Assert.Equal(gate, ScoreCalculator.BfrGate(pressure, Defaults));

    [Theory]
    [InlineData(0, 20)]
    [InlineData(1, 20)]
    [InlineData(2, 60)]
    [InlineData(3, 80)]
    [InlineData(4, 100)]
    [InlineData(5, 100)]
    [InlineData(6, 100)]
    [InlineData(7, 80)]
    [InlineData(8, 60)]
    [InlineData(9, 20)]
    [InlineData(10, 20)]
    public void Effort_from_RPE(int rpe, double effort) => Assert.Equal(effort, ScoreCalculator.Effort(rpe, Defaults));

    [Fact]
    public void RPE_outside_0_to_10_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoreCalculator.Effort(11, Defaults));

    [Fact]
    public void Muscle_score_weighs_count_intensity_and_duration()
    {
        var contractions = new ContractionAnalysis { ContractionCount = 6, MvcCompliantCount = 3, DurationCompliantCount = 6 };
        Assert.Equal(100 * ((0.333 * 0.5) + (0.333 * 0.5) + (0.334 * 1.0)), ScoreCalculator.MuscleCompliance(contractions, 12, Defaults), tolerance: 1e-12);
        var overTarget = contractions with { ContractionCount = 20, MvcCompliantCount = 20, DurationCompliantCount = 20 };
        Assert.Equal(100, ScoreCalculator.MuscleCompliance(overTarget, 12, Defaults), tolerance: 1e-9);
        Assert.Equal(0, ScoreCalculator.MuscleCompliance(new ContractionAnalysis(), 12, Defaults));
    }

    [Fact]
    public void Overall_is_the_weighted_mean_of_the_components_present()
    {
        Assert.Equal(((0.5 * 80) + (0.25 * 90) + (0.25 * 100)) / 1.0, ScoreCalculator.Overall(80, 90, 100, null, new OverallWeights()));
        Assert.Equal(((0.5 * 80) + (0.25 * 90)) / 0.75, ScoreCalculator.Overall(80, 90, null, null, new OverallWeights()));
        Assert.Null(ScoreCalculator.Overall(null, 90, 100, 50, new OverallWeights()));
        Assert.Null(ScoreCalculator.Overall(80, null, 100, 50, new OverallWeights()));
    }

    [Fact]
    public void Weights_from_the_settings_change_the_overall_score()
    {
        var muscles = new List<(string, ContractionAnalysis)>
        {
            ("CH1", new ContractionAnalysis { ContractionCount = 12, MvcCompliantCount = 12, DurationCompliantCount = 6 }),
            ("CH2", new ContractionAnalysis { ContractionCount = 6, MvcCompliantCount = 3, DurationCompliantCount = 0 }),
        };
        var session = ResolvedSessionSettings.Resolve(new SessionSettings { Rpe = 8, GamePoints = 30, GameMaxPoints = 40 }, null);

        var standard = ScoreCalculator.Compute(muscles, session, Defaults);
        var gameHeavy = ScoreCalculator.Compute(muscles, session, Defaults with { Overall = new OverallWeights { Compliance = 0.2, Symmetry = 0.2, Effort = 0.1, Game = 0.5 } });

        Assert.Equal(60, standard.Effort);
        Assert.Equal(75, standard.Game);
        Assert.NotEqual(standard.Overall, gameHeavy.Overall);
        var expected = ((0.2 * gameHeavy.Compliance!.Value) + (0.2 * gameHeavy.Symmetry!.Value) + (0.1 * 60) + (0.5 * 75)) / 1.0;
        Assert.Equal(expected, gameHeavy.Overall!.Value, tolerance: 1e-12);
    }

    [Fact]
    public void Session_scores_follow_the_muscles_and_the_BFR_gate()
    {
        var muscles = new List<(string, ContractionAnalysis)>
        {
            ("CH1", new ContractionAnalysis { ContractionCount = 12, MvcCompliantCount = 12, DurationCompliantCount = 12 }),
            ("CH2", new ContractionAnalysis { ContractionCount = 12, MvcCompliantCount = 6, DurationCompliantCount = 6 }),
        };
        var inGate = ScoreCalculator.Compute(muscles, ResolvedSessionSettings.Resolve(new SessionSettings { BfrPressureAop = 50 }, null), Defaults);
        Assert.Equal(100, inGate.MuscleCompliance["CH1"], tolerance: 1e-9);
        Assert.Equal(100 * (0.333 + (0.333 * 0.5) + (0.334 * 0.5)), inGate.MuscleCompliance["CH2"], tolerance: 1e-9);
        Assert.Equal((inGate.MuscleCompliance["CH1"] + inGate.MuscleCompliance["CH2"]) / 2, inGate.Compliance!.Value, tolerance: 1e-12);
        Assert.Null(inGate.Effort);
        Assert.NotNull(inGate.Overall);

        var outOfGate = ScoreCalculator.Compute(muscles, ResolvedSessionSettings.Resolve(new SessionSettings { BfrPressureAop = 60 }, null), Defaults);
        Assert.Equal(0, outOfGate.Compliance);
        Assert.Equal(inGate.Symmetry, outOfGate.Symmetry);

        var single = ScoreCalculator.Compute(muscles.Take(1).ToList(), ResolvedSessionSettings.Resolve(null, null), Defaults);
        Assert.Null(single.Symmetry);
        Assert.Null(single.Overall);
    }
}
