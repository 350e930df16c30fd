using TherapyPlatform.Emg.Contractions;
using TherapyPlatform.Emg.Mvc;
using TherapyPlatform.Emg.Tests.Support;

namespace TherapyPlatform.Emg.Tests.Contractions;

public sealed class ContractionDetectorTests
{
    private static ContractionDetectionOptions Exact(double factor = 0.5) => new()
    {
        ThresholdFactor = factor,
        MinDurationMs = 50,
        SmoothingWindowSamples = 1,
        MergeThresholdMs = 0,
    };

    [Fact]
    public void Contractions_are_found_at_their_positions()
    {
        var x = Signals.Steps(1000, 1.0, (100, 250), (400, 700), (850, 900));
        var result = ContractionDetector.Detect(x, 1000, Exact());
        Assert.Equal([(100, 250), (400, 700), (850, 900)], result.Contractions.Select(c => (c.StartIdx, c.EndIdx)));
        Assert.Equal([150.0, 300.0, 50.0], result.Contractions.Select(c => c.DurationMs));
        Assert.Equal(500, result.TotalTimeUnderTensionMs);
        Assert.Equal(0.5, result.TimingThreshold);
    }

    [Fact]
    public void A_run_from_the_first_sample_starts_at_0_and_one_to_the_last_ends_at_N_minus_1()
    {
        var result = ContractionDetector.Detect(Signals.Steps(1000, 1.0, (0, 300), (700, 1000)), 1000, Exact());
        Assert.Equal([(0, 300), (700, 999)], result.Contractions.Select(c => (c.StartIdx, c.EndIdx)));
    }

    [Fact]
    public void Short_runs_are_dropped_close_runs_merged_long_runs_split()
    {
        var x = Signals.Steps(3000, 1.0, (100, 149), (300, 400), (450, 600), (1000, 2500));
        var options = Exact() with { MergeThresholdMs = 100, MaxContractionMs = 1000 };
        var result = ContractionDetector.Detect(x, 1000, options);
        Assert.Equal([(300, 600), (1000, 2000), (2001, 2500)], result.Contractions.Select(c => (c.StartIdx, c.EndIdx)));
    }

    [Fact]
    public void Refractory_period_drops_runs_too_soon_after_the_last_kept_one()
    {
        var x = Signals.Steps(1000, 1.0, (100, 200), (210, 300), (600, 700));
        var result = ContractionDetector.Detect(x, 1000, Exact() with { RefractoryPeriodMs = 50 });
        Assert.Equal([(100, 200), (600, 700)], result.Contractions.Select(c => (c.StartIdx, c.EndIdx)));
    }

    [Fact]
    public void Amplitudes_come_from_the_amplitude_signal_over_the_inclusive_segment()
    {
        var ramp = Enumerable.Range(0, 1000).Select(i => -i / 1000.0).ToArray();
        var timing = Signals.Steps(1000, 1.0, (200, 400));
        var result = ContractionDetector.Detect(ramp, timing, 1000, Exact() with { MvcThreshold = 0.4 });
        var c = Assert.Single(result.Contractions);
        Assert.Equal(0.4, c.MaxAmplitude);
        Assert.Equal(0.3, c.MeanAmplitude, tolerance: 1e-15);
        Assert.True(c.MeetsMvc);
        Assert.True(c.IsGood);
        Assert.False(c.MeetsDuration);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(0.5, null, true)]
    [InlineData(null, 100.0, true)]
    [InlineData(0.5, 100.0, true)]
    [InlineData(2.0, 100.0, false)]
    [InlineData(0.5, 500.0, false)]
    public void A_good_contraction_meets_the_configured_criteria(double? mvc, double? durationMs, bool good)
    {
        var result = ContractionDetector.Detect(Signals.Steps(1000, 1.0, (100, 400)), 1000, Exact() with { MvcThreshold = mvc, DurationThresholdMs = durationMs });
        var c = Assert.Single(result.Contractions);
        Assert.Equal(good, c.IsGood);
        Assert.Equal(good ? 1 : 0, result.GoodContractionCount);
        Assert.Equal(good ? 1.0 : 0.0, result.ComplianceRate);
    }

    [Fact]
    public void Nothing_is_detected_in_a_flat_or_too_short_signal()
    {
        Assert.Equal(0, ContractionDetector.Detect(new double[1000], 1000, Exact()).ContractionCount);
        Assert.Equal(0, ContractionDetector.Detect(Signals.Steps(50, 1, (10, 40)), 1000, Exact() with { SmoothingWindowSamples = 100 }).ContractionCount);
        Assert.Null(ContractionDetector.Detect(new double[1000], 1000, Exact()).TimingThreshold);
    }

    [Fact]
    public void Sine_bursts_in_the_envelope_are_detected_around_their_positions()
    {
        const double fs = 990;
        var raw = Signals.SineBursts(19_800, fs, 100, 1e-3, 0.01, (2000, 5000), (9000, 10_000));
        var envelope = TherapyPlatform.Emg.Filtering.EnvelopeProcessor.Compute(raw, fs);
        var result = ContractionDetector.Detect(envelope, fs, new ContractionDetectionOptions { ThresholdFactor = 0.1, DurationThresholdMs = 2000 });
        Assert.Equal(2, result.ContractionCount);
        Assert.InRange(result.Contractions[0].StartIdx, 1900, 2000);
        Assert.InRange(result.Contractions[0].EndIdx, 5000, 5100);
        Assert.InRange(result.Contractions[1].StartIdx, 8900, 9000);
        Assert.Equal(1, result.DurationCompliantCount);
    }

    [Theory]
    [InlineData(0.30, 100, 200)]
    [InlineData(0.31, 101, 199)]
    public void Samples_exactly_on_the_threshold_keep_the_reference_side(double factor, int start, int end)
    {
        // Smoothed over 5 samples, three ones sum to 0.6000000000000001 > 0.3 * max = 0.6: active (a tie the
        // reference resolves this way); at factor 0.31 the threshold is clear of every sum.
        var x = Signals.Steps(1000, 1.0, (100, 200));
        Array.Fill(x, 2.0, 400, 200);
        Array.Fill(x, 0.5, 800, 50);
        var result = ContractionDetector.Detect(x, 1000, Exact(factor) with { SmoothingWindowSamples = 5 });
        Assert.Equal([(start, end), (399, 601)], result.Contractions.Select(c => (c.StartIdx, c.EndIdx)));
    }

    [Fact]
    public void Sample_counts_truncate_like_the_reference()
    {
        Assert.Equal(99, ContractionDetector.Samples(100, 990));
        Assert.Equal(198, ContractionDetector.Samples(200, 990));
        Assert.Equal(9900, ContractionDetector.Samples(10_000, 990));
    }
}

public sealed class MvcThresholdTests
{
    [Fact]
    public void Percentile_interpolates_linearly_like_numpy()
    {
        Assert.Equal(9.549999999999999, Percentile.Linear([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95));
        Assert.Equal(7, Percentile.Linear([7], 95));

        var values = Signals.Noise(10_001, 1.0, seed: 2);
        var sorted = values.Order().ToArray();
        foreach (var percent in new[] { 0.0, 5, 50, 95, 100 })
        {
            var h = (sorted.Length - 1) * (percent / 100);
            var low = (int)Math.Floor(h);
            var high = Math.Min(low + 1, sorted.Length - 1);
            Assert.Equal(sorted[low] + ((sorted[high] - sorted[low]) * (h - low)), Percentile.Linear(values, percent), tolerance: 1e-15);
        }
    }

    [Fact]
    public void Channel_MVC_wins_over_session_MVC_which_wins_over_the_estimate()
    {
        double[] envelope = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var channel = MvcThreshold.Resolve(4, 8, 75, envelope);
        Assert.Equal((MvcThreshold.ChannelMethod, 3.0), (channel.Method, channel.Threshold!.Value));
        var session = MvcThreshold.Resolve(null, 8, 50, envelope);
        Assert.Equal((MvcThreshold.SessionMethod, 4.0), (session.Method, session.Threshold!.Value));
        var estimated = MvcThreshold.Resolve(null, null, 75, envelope);
        Assert.Equal(MvcThreshold.EstimatedMethod, estimated.Method);
        Assert.Equal(9.549999999999999 * 0.75, estimated.Threshold);
        Assert.Equal(9.549999999999999, channel.EstimatedMvcP95);
        Assert.Null(MvcThreshold.Resolve(null, null, 75, []).Threshold);
    }
}
