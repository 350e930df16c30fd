using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.Emg.Tests.Support;

namespace TherapyPlatform.Emg.Tests.Filtering;

public sealed class FilteringTests
{
    // scipy.signal.butter(4, 20 / 500, 'high') and butter(4, 10 / 500, 'low'), as printed by scipy.
    private static readonly double[] ScipyHighB = [0.848475295524359, -3.393901182097436, 5.090851773146154, -3.393901182097436, 0.848475295524359];
    private static readonly double[] ScipyHighA = [1.0, -3.671729089161935, 5.067998386734189, -3.1159669252017452, 0.7199103272918712];
    private static readonly double[] ScipyLowB = [8.984861463970646e-07, 3.5939445855882583e-06, 5.390916878382387e-06, 3.5939445855882583e-06, 8.984861463970646e-07];
    private static readonly double[] ScipyLowA = [1.0, -3.835825540647348, 5.520819136622228, -3.5335352194630145, 0.848555999266477];

    [Fact]
    public void Butterworth_design_equals_scipy()
    {
        var high = Butterworth.Design(4, 20, 1000, FilterKind.HighPass)!;
        var low = Butterworth.Design(4, 10, 1000, FilterKind.LowPass)!;
        AssertClose(ScipyHighB, high.B, 1e-13);
        AssertClose(ScipyHighA, high.A, 1e-13);
        AssertClose(ScipyLowB, low.B, 1e-12);
        AssertClose(ScipyLowA, low.A, 1e-13);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void Low_pass_passes_DC_and_high_pass_blocks_it(int order)
    {
        var low = Butterworth.Design(order, 10, 990, FilterKind.LowPass)!;
        var high = Butterworth.Design(order, 20, 990, FilterKind.HighPass)!;
        Assert.Equal(1.0, low.B.Sum() / low.A.Sum(), tolerance: 1e-6);
        Assert.Equal(0.0, high.B.Sum(), tolerance: 1e-12);

        // Started in its steady state, the zero-phase filter leaves a constant signal unchanged.
        var constant = Enumerable.Repeat(0.5, 500).ToArray();
        var output = new double[500];
        new ZeroPhaseFilter(low).Apply(constant, output);
        Assert.All(output, v => Assert.Equal(0.5, v, tolerance: 1e-6));
    }

    [Fact]
    public void Cutoff_at_or_above_Nyquist_skips_the_filter()
    {
        Assert.Null(Butterworth.Design(4, 20, 40, FilterKind.HighPass));
        Assert.NotNull(Butterworth.Design(4, 20, 41, FilterKind.HighPass));
        Assert.Null(new EnvelopeProcessor(30).HighPass);
    }

    [Fact]
    public void Zero_phase_filtering_does_not_shift_a_symmetric_pulse()
    {
        var x = new double[2001];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Exp(-Math.Pow((i - 1000) / 20.0, 2));
        }

        var y = new double[x.Length];
        new ZeroPhaseFilter(Butterworth.Design(4, 10, 1000, FilterKind.LowPass)!).Apply(x, y);
        Assert.Equal(1000, Array.IndexOf(y, y.Max()));
        Assert.Equal(y[950], y[1050], tolerance: 1e-9);
    }

    [Fact]
    public void Signals_not_longer_than_the_padding_are_refused()
    {
        var filter = new ZeroPhaseFilter(Butterworth.Design(4, 10, 1000, FilterKind.LowPass)!);
        Assert.Equal(15, filter.PadLength);
        Assert.Throws<ArgumentException>(() => filter.Apply(new double[15], new double[15]));
        filter.Apply(new double[16], new double[16]);
    }

    [Theory]
    [InlineData(4, 59, 62, 0.25)]
    [InlineData(5, 58, 62, 0.2)]
    [InlineData(100, 11, 110, 0.01)]
    public void Moving_average_is_numpy_convolve_same(int window, int first, int last, double value)
    {
        var impulse = new double[120];
        impulse[60] = 1;
        var output = MovingAverage.Centered(impulse, window);
        var nonzero = Enumerable.Range(0, output.Length).Where(i => output[i] != 0).ToList();
        Assert.Equal(first, nonzero[0]);
        Assert.Equal(last, nonzero[^1]);
        Assert.All(nonzero, i => Assert.Equal(value, output[i]));
    }

    [Fact]
    public void Moving_average_adds_products_in_order_in_every_lane()
    {
        // A sum of (x * (1/m)) in order, not sum / m: three ones in a window of 5 give 0.6000000000000001.
        var output = MovingAverage.Centered(Signals.Steps(1000, 1.0, (100, 200)), 5);
        Assert.Equal(0.2 + 0.2 + 0.2, output[100]);
        Assert.NotEqual(3.0 / 5, output[100]);

        var x = Signals.Noise(1013, 1.0, seed: 9);
        foreach (var window in new[] { 1, 7, 49, 100 })
        {
            var expected = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                var sum = 0.0;
                for (var k = i - (window / 2); k <= i + window - 1 - (window / 2); k++)
                {
                    sum += k >= 0 && k < x.Length ? Math.Abs(x[k]) * (1.0 / window) : 0;
                }

                expected[i] = sum;
            }

            Assert.Equal(expected, MovingAverage.Centered(x, window, rectify: true));
        }
    }

    [Fact]
    public void Envelope_of_a_sine_burst_follows_its_mean_rectified_amplitude()
    {
        const double fs = 990;
        var raw = Signals.SineBursts(19_800, fs, 100, 1e-3, 0.01, (5000, 10000));
        var processor = new EnvelopeProcessor(fs);
        var envelope = processor.Compute(raw);
        Assert.Equal(49, processor.SmoothingWindowSamples);
        Assert.Equal(2e-3 / Math.PI, envelope[7500], tolerance: 2e-5);
        Assert.True(envelope[2000] < 2e-5);
        Assert.Equal(envelope, EnvelopeProcessor.Compute(raw, fs));
    }

    [Fact]
    public void Two_envelopes_at_once_equal_one_at_a_time()
    {
        const double fs = 990;
        var first = Signals.SineBursts(12_000, fs, 100, 1e-3, 0.01, (2000, 5000));
        var second = Signals.Noise(12_000, 1e-4, seed: 12);
        var processor = new EnvelopeProcessor(fs);
        var firstEnvelope = new double[first.Length];
        var secondEnvelope = new double[second.Length];
        processor.Compute(first, firstEnvelope, second, secondEnvelope);
        Assert.Equal(processor.Compute(first), firstEnvelope);
        Assert.Equal(processor.Compute(second), secondEnvelope);
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= relative * Math.Abs(expected[i]), $"[{i}] {expected[i]} vs {actual[i]}");
        }
    }
}
