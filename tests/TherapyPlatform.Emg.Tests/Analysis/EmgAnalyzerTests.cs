using System.Text.Json;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Emg.Mvc;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Emg.Tests.Support;

namespace TherapyPlatform.Emg.Tests.Analysis;

public sealed class EmgAnalyzerTests
{
    private static readonly SessionAnalysis Session = EmgAnalyzer.Analyze(GhostlySession.Read(GhostlySession.Writer()), fileName: "generated.c3d");

    [Fact]
    public void Every_burst_is_one_contraction_timed_by_the_activated_channel()
    {
        var ch1 = Session.Channels["CH1"];
        Assert.Equal("CH1 activated", ch1.TimingSource);
        Assert.Equal(GhostlySession.Ch1Bursts.Length, ch1.ContractionCount);
        foreach (var (contraction, burst) in ch1.Contractions.Zip(GhostlySession.Ch1Bursts))
        {
            // The 100-sample smoothing widens each activation step by at most half a window on each side.
            Assert.InRange(contraction.StartIdx, burst.Start - 50, burst.Start);
            Assert.InRange(contraction.EndIdx, burst.End, burst.End + 50);
        }

        Assert.Equal(2, ch1.DurationCompliantCount);
        Assert.Equal(3, ch1.MvcCompliantCount);
        Assert.Equal(2, ch1.GoodContractionCount);
        Assert.Equal(2, Session.Channels["CH2"].ContractionCount);
    }

    [Fact]
    public void Metrics_follow_the_generated_signal()
    {
        var ch1 = Session.Channels["CH1"];
        Assert.True(ch1.SignalValid);
        Assert.Equal("ok", ch1.SignalMessage);
        Assert.Equal(GhostlySession.Samples, ch1.N);

        // 7.45 s of a 1 mV sine in 20 s, 1 % of it elsewhere.
        var inside = GhostlySession.Ch1Bursts.Sum(b => b.End - b.Start) / (double)GhostlySession.Samples;
        var expectedRms = GhostlySession.BurstAmplitude / Math.Sqrt(2) * Math.Sqrt(inside + ((1 - inside) * 1e-4));
        Assert.Equal(expectedRms, ch1.Rms, tolerance: expectedRms * 1e-3);
        Assert.Equal(100, ch1.Mdf!.Value, tolerance: 990.0 / 256);
        Assert.Equal(MvcThreshold.EstimatedMethod, ch1.Mvc!.Method);
        Assert.Equal(2e-3 / Math.PI, ch1.Mvc.EstimatedMvcP95!.Value, tolerance: 5e-5);
        Assert.Equal(ch1.Mvc.Threshold, ch1.Mvc75Threshold);
        Assert.Equal((19_800 - 990) / 495 + 1, ch1.Temporal!.Windows);
    }

    [Fact]
    public void Muscles_analysed_together_equal_muscles_analysed_alone()
    {
        var file = GhostlySession.Read(GhostlySession.Writer());
        var analyzer = new ChannelAnalyzer(file.AnalogRate);
        var inputs = new[] { "CH1", "CH2" }.Select(m => new ChannelInput(
            file.FindAnalog(m + " Raw")!.Samples,
            file.FindAnalog(m + " activated")!.Samples,
            new ChannelRequest(m + " Raw", m + " activated", null, null, 75, 2000))).ToList();
        var together = analyzer.AnalyzeAll(inputs);
        for (var i = 0; i < inputs.Count; i++)
        {
            var alone = analyzer.Analyze(inputs[i].Raw.Span, inputs[i].Activated.Span, inputs[i].Request);
            Assert.Equal(EmgJson.Serialize(alone), EmgJson.Serialize(together[i]));
        }
    }

    [Fact]
    public void File_facts_describe_the_recording()
    {
        var facts = Session.FileFacts;
        Assert.Equal("generated.c3d", facts.File);
        Assert.Equal((990.0, 33.0, 30, 4, GhostlySession.Samples, 660), (facts.AnalogRate, facts.PointRate, facts.AnalogSamplesPerFrame, facts.AnalogChannels, facts.SamplesPerChannel, facts.FramesRead));
        Assert.Equal(20.0, facts.DurationS, tolerance: 1e-12);
        Assert.Equal(["CH1 Raw", "CH2 Raw", "CH1 activated", "CH2 activated"], facts.ChannelLabels);
    }

    [Fact]
    public void Session_settings_from_the_request_override_the_estimate()
    {
        var file = GhostlySession.Read(GhostlySession.Writer());
        var strict = EmgAnalyzer.Analyze(file, new SessionSettings
        {
            MvcByChannel = new Dictionary<string, double> { ["CH1"] = 1.0 },
            SessionMvc = 1e-4,
            DurationThresholdMs = 500,
            TargetContractions = 3,
        });
        var ch1 = strict.Channels["CH1"];
        Assert.Equal((MvcThreshold.ChannelMethod, 0.75), (ch1.Mvc!.Method, ch1.Mvc75Threshold!.Value));
        Assert.Equal(0, ch1.MvcCompliantCount);
        Assert.Equal(3, ch1.DurationCompliantCount);
        Assert.Equal(MvcThreshold.SessionMethod, strict.Channels["CH2"].Mvc!.Method);
        Assert.Equal(2, strict.Channels["CH2"].MvcCompliantCount);
        Assert.Equal(3, strict.Scores.TargetContractions);
    }

    [Fact]
    public void A_channel_without_activation_is_timed_by_its_envelope_and_a_short_one_is_gated()
    {
        var raw = Signals.SineBursts(GhostlySession.Samples, GhostlySession.Rate, 100, 1e-3, 0.01, (2000, 6000));
        var file = GhostlySession.Read(new TherapyPlatform.C3d.C3dWriter { AnalogRate = 990, PointRate = 33 }
            .AddAnalog("EMG1", raw)
            .AddAnalog("EMG2", raw.AsSpan(0, 9900).ToArray().Concat(new double[9900]).ToArray()));
        var analysis = EmgAnalyzer.Analyze(file);
        var emg1 = analysis.Channels["EMG1"];
        Assert.Equal("envelope", emg1.TimingSource);
        Assert.Equal(1, emg1.ContractionCount);

        var shortFile = GhostlySession.Read(new TherapyPlatform.C3d.C3dWriter { AnalogRate = 990, PointRate = 33 }
            .AddAnalog("CH1 Raw", raw.AsSpan(0, 8910).ToArray()));
        var gated = EmgAnalyzer.Analyze(shortFile).Channels["CH1"];
        Assert.False(gated.SignalValid);
        Assert.StartsWith("recording too short", gated.SignalMessage, StringComparison.Ordinal);
        Assert.Equal(0, gated.ContractionCount);
        Assert.Null(gated.Mvc75Threshold);
        Assert.NotNull(gated.Mpf);
    }

    [Fact]
    public void Scores_use_the_game_score_of_the_file_when_a_maximum_is_given()
    {
        var file = GhostlySession.Read(GhostlySession.Writer());
        var scored = EmgAnalyzer.Analyze(file, new SessionSettings { GameMaxPoints = 36, Rpe = 5 });
        Assert.Equal(50, scored.Scores.Game);
        Assert.Equal(100, scored.Scores.Effort);
        Assert.NotNull(scored.Scores.Symmetry);
        Assert.Null(Session.Scores.Game);
    }

    [Fact]
    public void JSON_uses_the_golden_key_names()
    {
        var root = JsonDocument.Parse(EmgJson.Serialize(Session)).RootElement;
        Assert.Equal(["file_facts", "channels", "scores"], root.EnumerateObject().Select(p => p.Name));
        var channel = root.GetProperty("channels").GetProperty("CH1");
        string[] keys =
        [
            "rms", "mav", "mpf", "mdf", "fatigue_index_fi_nsm5", "temporal", "signal_valid", "signal_message", "mvc",
            "contraction_count", "avg_duration_ms", "min_duration_ms", "max_duration_ms", "total_time_under_tension_ms",
            "avg_amplitude", "max_amplitude", "good_contraction_count", "mvc_compliant_count", "duration_compliant_count",
            "mvc75_threshold", "compliance_rate", "contractions",
        ];
        Assert.All(keys, key => Assert.True(channel.TryGetProperty(key, out _), key));
        Assert.All(["estimated_mvc_p95", "threshold_percentage", "threshold"], key => Assert.True(channel.GetProperty("mvc").TryGetProperty(key, out _), key));
        Assert.All(
            ["mean_value", "std_value", "min_value", "max_value", "valid_windows", "coefficient_of_variation"],
            key => Assert.True(channel.GetProperty("temporal").GetProperty("fatigue_index_fi_nsm5").TryGetProperty(key, out _), key));
        Assert.All(
            ["start_idx", "end_idx", "start_time_ms", "end_time_ms", "duration_ms", "mean_amplitude", "max_amplitude", "meets_mvc", "meets_duration", "is_good"],
            key => Assert.True(channel.GetProperty("contractions")[0].TryGetProperty(key, out _), key));

        var roundTrip = EmgJson.Deserialize(EmgJson.Serialize(Session))!;
        Assert.Equal(Session.Channels["CH1"].Contractions, roundTrip.Channels["CH1"].Contractions);
        Assert.Equal(Session.Scores.Overall, roundTrip.Scores.Overall);
    }
}
