using TherapyPlatform.Emg.Quality;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Emg.Spectral;
using TherapyPlatform.Emg.Temporal;
using TherapyPlatform.Emg.Tests.Support;

namespace TherapyPlatform.Emg.Tests.Contractions;

public sealed class SignalChecksTests
{
    [Theory]
    [InlineData(999, 10, "signal too short")]
    [InlineData(9999, 1000, "recording too short")]
    [InlineData(60_100, 100, "recording too long")]
    public void The_gate_names_its_reason(int samples, double rate, string reason)
    {
        var quality = SignalGate.Check(Signals.Sine(samples, rate, 1, 1), rate);
        Assert.False(quality.IsValid);
        Assert.StartsWith(reason, quality.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gate_refuses_flat_and_non_finite_signals_and_passes_the_rest()
    {
        Assert.StartsWith("flat signal", SignalGate.Check(new double[10_000], 1000).Message, StringComparison.Ordinal);
        var withNan = Signals.Sine(10_000, 1000, 5, 1);
        withNan[5000] = double.NaN;
        Assert.Equal("signal contains NaN or infinite values", SignalGate.Check(withNan, 1000).Message);
        Assert.Equal(new SignalQuality(true, "ok"), SignalGate.Check(Signals.Sine(10_000, 1000, 5, 1), 1000));
    }

    [Fact]
    public void Temporal_statistics_over_one_second_windows_with_half_overlap()
    {
        // 10 s of a 1 V amplitude sine: 19 windows of 1000 samples, RMS 1/sqrt(2) in each.
        var x = Signals.Sine(10_000, 1000, 62.5, 1);
        var stats = TemporalStatistics.Compute(x, 1000, new TemporalSettings(), new SpectralAnalyzer());
        Assert.Equal((1000, 500, 19), (stats.WindowSamples, stats.StepSamples, stats.Windows));
        Assert.Equal(19, stats.Rms.ValidWindows);
        Assert.Equal(1 / Math.Sqrt(2), stats.Rms.MeanValue!.Value, tolerance: 1e-9);
        Assert.Equal(0, stats.Rms.StdValue!.Value, tolerance: 1e-9);
        Assert.Equal(62.5, stats.Mdf.MeanValue!.Value, tolerance: 1e-9);
    }

    [Fact]
    public void Fewer_than_three_valid_windows_give_null_statistics()
    {
        var stats = TemporalStatistics.Compute(Signals.Sine(1900, 1000, 10, 1), 1000, new TemporalSettings(), new SpectralAnalyzer());
        Assert.Equal(2, stats.Windows);
        Assert.Equal(new MetricStatistics(null, null, null, null, 2, null), stats.Mpf);
    }
}
