using TherapyPlatform.Emg.Amplitude;
using TherapyPlatform.Emg.Spectral;
using TherapyPlatform.Emg.Tests.Support;

namespace TherapyPlatform.Emg.Tests.Spectral;

public sealed class SpectralTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(256)]
    public void Power_spectrum_equals_FftSharp(int n)
    {
        var x = Signals.Noise(n, 1.0, seed: n);
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var power = new double[(n / 2) + 1];
        new RealFftPower(n).Compute(x, ones, 0, power);

        var reference = FftSharp.FFT.Forward(x);
        for (var k = 0; k < power.Length; k++)
        {
            var expected = reference[k].Magnitude * reference[k].Magnitude;
            Assert.True(JsonGolden.NumbersMatch(expected, power[k]) || Math.Abs(power[k] - expected) < 1e-12 * n, $"bin {k}: {expected} vs {power[k]}");
        }
    }

    [Fact]
    public void Offset_and_window_are_applied_before_the_transform()
    {
        const int n = 16;
        var x = Signals.Noise(n, 1.0, seed: 3);
        var window = Signals.Noise(n, 1.0, seed: 4);
        var prepared = x.Select((v, i) => window[i] * (v - 0.25)).ToArray();
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var expected = new double[9];
        var actual = new double[9];
        var fft = new RealFftPower(n);
        fft.Compute(prepared, ones, 0, expected);
        fft.Compute(x, window, 0.25, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Blocks_transformed_together_equal_blocks_transformed_alone()
    {
        var signal = Signals.Noise(1024, 1.0, seed: 7);
        var window = Signals.Noise(256, 1.0, seed: 8);
        var fft = new RealFftPower(256);
        var count = Math.Min(RealFftPower.BatchSize, 3);
        int[] starts = [.. Enumerable.Range(0, count).Select(b => 100 + (128 * b))];
        double[] offsets = [.. Enumerable.Range(0, count).Select(b => 0.1 * b)];
        var together = new double[count * fft.Bins];
        fft.Compute(signal, starts, window, offsets, together);
        for (var b = 0; b < count; b++)
        {
            var alone = new double[fft.Bins];
            fft.Compute(signal.AsSpan(starts[b], 256), window, offsets[b], alone);
            Assert.Equal(alone, together.AsSpan(b * fft.Bins, fft.Bins).ToArray());
        }
    }

    [Fact]
    public void A_sine_on_a_bin_has_its_frequency_as_mean_and_median_frequency()
    {
        // 1000 Hz, 256-sample segments: bin width 3.90625 Hz, bin 20 = 78.125 Hz.
        var x = Signals.Sine(4096, 1000, 78.125, 2.0);
        var metrics = new SpectralAnalyzer().Analyze(x, 1000);
        Assert.Equal(78.125, metrics.Mpf!.Value, 9);
        Assert.Equal(78.125, metrics.Mdf);
        Assert.True(metrics.FatigueIndex > 0);
        Assert.Equal(2.0 / Math.Sqrt(2), SignalStatistics.Rms(x), tolerance: 1e-12);

        var slow = Signals.Sine(4096, 1000, 7.8125, 2.0);
        Assert.Equal(2.0 * 2 / Math.PI, SignalStatistics.Mav(slow), tolerance: 5e-4);
    }

    [Fact]
    public void Fatigue_index_rises_when_the_spectrum_moves_down()
    {
        var analyzer = new SpectralAnalyzer();
        var fresh = analyzer.Analyze(Signals.Sine(2048, 1000, 150, 1), 1000);
        var fatigued = analyzer.Analyze(Signals.Sine(2048, 1000, 60, 1), 1000);
        Assert.True(fatigued.FatigueIndex > fresh.FatigueIndex);
        Assert.True(fatigued.Mpf < fresh.Mpf);
    }

    [Fact]
    public void Short_or_flat_signals_have_no_spectral_metrics()
    {
        var analyzer = new SpectralAnalyzer();
        Assert.Equal(SpectralMetrics.None, analyzer.Analyze(Signals.Sine(255, 1000, 50, 1), 1000));
        Assert.Equal(SpectralMetrics.None, analyzer.Analyze(Enumerable.Repeat(3.0, 1000).ToArray(), 1000));
        Assert.NotEqual(SpectralMetrics.None, analyzer.Analyze(Signals.Sine(256, 1000, 50, 1), 1000));
    }

    [Fact]
    public void Welch_counts_half_overlapping_segments_and_drops_the_tail()
    {
        var welch = new WelchPsd(256);
        Assert.Equal(0, welch.SegmentCount(255));
        Assert.Equal(1, welch.SegmentCount(383));
        Assert.Equal(2, welch.SegmentCount(384));
        Assert.Equal(579, welch.SegmentCount(74_280));
    }

    [Fact]
    public void Welch_density_integrates_to_the_variance()
    {
        // Parseval for a one-sided density: sum(P) * df ~ variance of the (windowed, mean-free) signal.
        var x = Signals.Noise(256 * 64, 1.0, seed: 11);
        var welch = new WelchPsd(256);
        var psd = new double[welch.Bins];
        welch.Compute(x, 1000, psd);
        var variance = Math.Pow(SignalStatistics.PopulationStd(x), 2);
        Assert.InRange(psd.Sum() * welch.BinWidth(1000) / variance, 0.97, 1.03);
    }

    [Fact]
    public void Pairwise_sum_follows_numpy_blocks()
    {
        var x = Signals.Noise(1000, 1.0, seed: 5);
        Assert.Equal(x.Sum(), PairwiseSum.Sum(x), tolerance: 1e-9);
        Assert.Equal(x.Sum(v => v * v), PairwiseSum.SumOfSquares(x), tolerance: 1e-9);
        Assert.Equal(x.Sum(Math.Abs), PairwiseSum.SumOfAbsolutes(x), tolerance: 1e-9);

        // Below 8 values numpy adds in order: ((0.1 + 0.2) + 0.3) differs from 0.1 + (0.2 + 0.3).
        Assert.Equal((0.1 + 0.2) + 0.3, PairwiseSum.Sum([0.1, 0.2, 0.3]));
    }
}
