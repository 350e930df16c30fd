using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TherapyPlatform.Emg.Amplitude;
using TherapyPlatform.Emg.Contractions;
using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.Emg.Mvc;
using TherapyPlatform.Emg.Quality;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Emg.Spectral;
using TherapyPlatform.Emg.Temporal;
using TherapyPlatform.Emg.Tests.Support;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Emg.Tests.Golden;

/// <summary>The 38 cases of shared/emg-golden/synthetic.json, each rebuilt from its recipe.</summary>
public sealed partial class SyntheticCaseTests
{
    private static readonly Lazy<JsonDocument> Cases = new(() =>
        JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("emg-golden", "synthetic.json"))));

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        if (!SharedData.IsAvailable)
        {
            names.Add("(shared data absent)");
            return names;
        }

        foreach (var c in Cases.Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    [SharedDataFact]
    public void The_file_holds_38_cases_of_which_some_are_tie_sensitive()
    {
        var cases = Cases.Value.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(38, cases.Count);
        Assert.Contains(cases, c => c.TryGetProperty("note", out var note) && note.GetString()!.Contains("TIE-SENSITIVE", StringComparison.Ordinal));
    }

    [SharedDataTheory]
    [MemberData(nameof(CaseNames))]
    public void Case_matches_the_reference(string name)
    {
        var c = Cases.Value.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var function = c.GetProperty("function").GetString()!;
        var expected = c.GetProperty("expected");
        switch (function)
        {
            case "analyze_contractions":
                AnalyzeContractions(c, expected);
                break;
            case "rms/mav/mpf/mdf/fatigue_index_fi_nsm5":
                WholeSignalMetrics(c, expected);
                break;
            case "calculate_temporal_stats":
                var (signal, fs) = SyntheticSignal.Generate(c.GetProperty("signal"));
                var temporal = TemporalStatistics.Compute(signal, fs, new TemporalSettings(), new SpectralAnalyzer());
                AssertJson(expected, temporal);
                break;
            case "validate_signal_quality":
                var (samples, rate) = SyntheticSignal.Generate(c.GetProperty("signal"));
                Assert.Equal(expected.GetProperty("valid").GetBoolean(), SignalGate.Check(samples, rate).IsValid);
                break;
            case "np.percentile(x, 95)":
                var values = SyntheticSignal.Generate(c.GetProperty("signal")).Samples;
                Assert.Equal(expected.GetProperty("p95").GetDouble(), Percentile.Linear(values, 95));
                break;
            case "int(ms/1000*fs) truncations":
                SampleCounts(expected);
                break;
            case var f when f.StartsWith("np.convolve", StringComparison.Ordinal):
                MovingAverageOfImpulse(c, expected);
                break;
            case var f when f.StartsWith("preprocess_emg_signal", StringComparison.Ordinal):
                EnvelopePipeline(c, expected);
                break;
            default:
                Assert.Fail($"unknown function {function}");
                break;
        }
    }

    private static void AnalyzeContractions(JsonElement c, JsonElement expected)
    {
        var args = c.GetProperty("args");
        var (amplitude, fs) = SyntheticSignal.Generate(c.GetProperty("signal"));
        var options = new ContractionDetectionOptions
        {
            ThresholdFactor = args.GetProperty("threshold_factor").GetDouble(),
            MinDurationMs = args.GetProperty("min_duration_ms").GetDouble(),
            SmoothingWindowSamples = args.GetProperty("smoothing_window").GetInt32(),
            MergeThresholdMs = Optional(args, "merge_threshold_ms") ?? 200,
            RefractoryPeriodMs = Optional(args, "refractory_period_ms") ?? 0,
            MvcThreshold = Optional(args, "mvc_amplitude_threshold"),
            DurationThresholdMs = Optional(args, "contraction_duration_threshold_ms"),
        };
        var timing = c.GetProperty("timing_signal");
        var result = timing.ValueKind == JsonValueKind.Null
            ? ContractionDetector.Detect(amplitude, fs, options)
            : ContractionDetector.Detect(amplitude, SyntheticSignal.Generate(timing).Samples, fs, options);
        AssertJson(expected, result, skip: ["timing_min_rel_margin"]);
    }

    private static void WholeSignalMetrics(JsonElement c, JsonElement expected)
    {
        var (signal, fs) = SyntheticSignal.Generate(c.GetProperty("signal"));
        var spectral = new SpectralAnalyzer().Analyze(signal, fs);
        var actual = new Dictionary<string, double?>
        {
            ["rms"] = SignalStatistics.Rms(signal),
            ["mav"] = SignalStatistics.Mav(signal),
            ["mpf"] = spectral.Mpf,
            ["mdf"] = spectral.Mdf,
            ["fatigue_index_fi_nsm5"] = spectral.FatigueIndex,
        };
        AssertJson(expected, actual);
    }

    private static void SampleCounts(JsonElement expected)
    {
        var temporal = TemporalStatistics.Compute(new double[2000], 990, new TemporalSettings(), new SpectralAnalyzer());
        var actual = new Dictionary<string, int>
        {
            ["min_duration_samples(100ms@990)"] = ContractionDetector.Samples(100, 990),
            ["merge_samples(200ms@990)"] = ContractionDetector.Samples(200, 990),
            ["max_samples(10s@990)"] = ContractionDetector.Samples(10_000, 990),
            ["envelope_ma(50ms@990)"] = new EnvelopeProcessor(990).SmoothingWindowSamples,
            ["temporal_window@990"] = temporal.WindowSamples,
            ["temporal_step@990"] = temporal.StepSamples,
        };
        AssertJson(expected, actual);
    }

    private static void MovingAverageOfImpulse(JsonElement c, JsonElement expected)
    {
        var window = int.Parse(WindowSuffix().Match(c.GetProperty("name").GetString()!).Groups[1].Value, CultureInfo.InvariantCulture);
        var output = MovingAverage.Centered(SyntheticSignal.Generate(c.GetProperty("signal")).Samples, window);
        var nonzero = Enumerable.Range(0, output.Length).Where(i => output[i] != 0).ToList();
        Assert.Equal(expected.GetProperty("nonzero_first").GetInt32(), nonzero[0]);
        Assert.Equal(expected.GetProperty("nonzero_last").GetInt32(), nonzero[^1]);
        Assert.All(nonzero, i => Assert.Equal(expected.GetProperty("value").GetDouble(), output[i]));
    }

    private static void EnvelopePipeline(JsonElement c, JsonElement expected)
    {
        var (signal, fs) = SyntheticSignal.Generate(c.GetProperty("signal"));
        var processor = new EnvelopeProcessor(fs);
        var envelope = processor.Compute(signal);
        var p95 = Percentile.Linear(envelope, 95);
        var defaults = new ContractionSettings();
        var contractions = ContractionDetector.Detect(envelope, fs, new ContractionDetectionOptions
        {
            ThresholdFactor = defaults.EnvelopeThresholdFactor,
            MvcThreshold = p95 * 0.75,
            DurationThresholdMs = new SessionDefaults().DurationThresholdMs,
        });

        AssertJson(expected, contractions, skip: ["envelope_checkpoints", "envelope_sum", "envelope_max", "p95", "mvc_threshold", "filters"]);
        var checkpoints = expected.GetProperty("envelope_checkpoints").EnumerateObject()
            .ToDictionary(p => p.Name, p => envelope[int.Parse(p.Name, CultureInfo.InvariantCulture)]);
        var actual = new
        {
            envelope_checkpoints = checkpoints,
            envelope_sum = envelope.Sum(),
            envelope_max = envelope.Max(),
            p95,
            mvc_threshold = p95 * 0.75,
            filters = new
            {
                hp_b = processor.HighPass!.B,
                hp_a = processor.HighPass.A,
                lp_b = processor.LowPass!.B,
                lp_a = processor.LowPass.A,
                smoothing_window_samples = processor.SmoothingWindowSamples,
            },
        };
        var names = new[] { "envelope_checkpoints", "envelope_sum", "envelope_max", "p95", "mvc_threshold", "filters" };
        var subset = JsonSerializer.SerializeToElement(names.ToDictionary(n => n, n => expected.GetProperty(n)));
        JsonGolden.AssertMatches(subset, JsonSerializer.SerializeToElement(actual), "envelope");
    }

    private static double? Optional(JsonElement args, string name) =>
        args.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDouble() : null;

    private static void AssertJson<T>(JsonElement expected, T actual, IReadOnlyCollection<string>? skip = null) =>
        JsonGolden.AssertMatches(expected, TestJson.ToElement(actual), "$", skip);

    [GeneratedRegex(@"_m(\d+)$")]
    private static partial Regex WindowSuffix();
}
