using System.Globalization;
using System.Text.Json;
using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.Emg.Spectral;
using TherapyPlatform.Emg.Tests.Support;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Emg.Tests.Golden;

/// <summary>The four real GHOSTLY sessions of shared/emg-golden against our analysis of shared/c3d/ghostly.</summary>
public sealed class GhostlyGoldenTests
{
    public static TheoryData<string> Files { get; } =
    [
        "Ghostly_Emg_20230321_17-23-09-0409",
        "Ghostly_Emg_20230321_17-50-17-0881",
        "Ghostly_Emg_20231004_13-18-43-0464",
        "Ghostly_Emg_20250310_11-46-23-0823",
    ];

    /// <summary>Golden keys that are not analysis results: diagnostics of the reference and the previous system's bugs.</summary>
    private static readonly string[] NotCompared =
    [
        "original_bug_duration_seconds", "original_bug_time",
        "psd", "envelope", "contraction_diagnostics",
    ];

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Every_reported_value_equals_the_golden_value(string name)
    {
        var (golden, analysis, _) = Load(name);
        var actual = JsonDocument.Parse(EmgJson.Serialize(analysis)).RootElement;

        JsonGolden.AssertMatches(golden.GetProperty("file_facts"), actual.GetProperty("file_facts"), "file_facts", NotCompared);
        var expectedChannels = golden.GetProperty("channels");
        Assert.Equal(
            expectedChannels.EnumerateObject().Select(p => p.Name),
            actual.GetProperty("channels").EnumerateObject().Select(p => p.Name));
        JsonGolden.AssertMatches(expectedChannels, actual.GetProperty("channels"), "channels", NotCompared);
    }

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Envelope_filters_and_timing_equal_the_reference(string name)
    {
        var (golden, analysis, file) = Load(name);
        foreach (var channel in golden.GetProperty("channels").EnumerateObject())
        {
            var expected = channel.Value;
            var raw = file.FindAnalog(expected.GetProperty("raw_label").GetString()!)!.Samples;
            var processor = new EnvelopeProcessor(file.AnalogRate);
            var envelope = processor.Compute(raw);
            var argmax = Array.IndexOf(envelope, envelope.Max());
            var reference = expected.GetProperty("envelope");
            var actualEnvelope = new
            {
                hp_b = processor.HighPass!.B,
                hp_a = processor.HighPass.A,
                lp_b = processor.LowPass!.B,
                lp_a = processor.LowPass.A,
                smoothing_window_samples = processor.SmoothingWindowSamples,
                sum = envelope.Sum(),
                max = envelope.Max(),
                argmax,
                checkpoints = reference.GetProperty("checkpoints").EnumerateObject()
                    .ToDictionary(p => p.Name, p => envelope[int.Parse(p.Name, CultureInfo.InvariantCulture)]),
            };
            JsonGolden.AssertMatches(reference, TestJson.ToElement(actualEnvelope), $"{channel.Name}.envelope");

            var welch = new WelchPsd(256);
            var psd = new double[welch.Bins];
            welch.Compute(raw, file.AnalogRate, psd);
            var actualPsd = new { nperseg = welch.SegmentLength, segments = welch.SegmentCount(raw.Length), bins = welch.Bins, psd_sum = psd.Sum() };
            JsonGolden.AssertMatches(expected.GetProperty("psd"), TestJson.ToElement(actualPsd), $"{channel.Name}.psd");

            var diagnostics = expected.GetProperty("contraction_diagnostics");
            var ours = analysis.Channels[channel.Name];
            Assert.Equal(diagnostics.GetProperty("timing_source").GetString(), ours.TimingSource);
            Assert.True(JsonGolden.NumbersMatch(diagnostics.GetProperty("timing_threshold").GetDouble(), ours.TimingThreshold!.Value));
        }
    }

    private static (JsonElement Golden, SessionAnalysis Analysis, C3dFile File) Load(string name)
    {
        var golden = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("emg-golden", name + ".json"))).RootElement;
        var file = C3dFile.Read(File.ReadAllBytes(SharedData.PathOf("c3d", "ghostly", name + ".c3d")));
        return (golden, EmgAnalyzer.Analyze(file, fileName: name + ".c3d"), file);
    }
}
