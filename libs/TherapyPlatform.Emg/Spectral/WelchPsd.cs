using TherapyPlatform.Emg.Amplitude;

namespace TherapyPlatform.Emg.Spectral;

/// <summary>
/// One-sided Welch power spectral density as scipy.signal.welch computes it with its defaults:
/// periodic Hann window, 50 % overlap (step n - n/2), incomplete tail dropped, each segment mean-removed
/// ('constant' detrend), density scaling |rfft(seg*w)|^2 / (fs * sum w^2), bins 1..n/2-1 doubled, mean over
/// segments. A reusable workspace: not thread-safe, allocation-free per call.
/// </summary>
public sealed class WelchPsd
{
    private readonly RealFftPower fft;
    private readonly double[] window;
    private readonly double windowPower;
    private readonly double[] power;

    public WelchPsd(int segmentLength)
    {
        fft = new RealFftPower(segmentLength);
        window = PeriodicHann(segmentLength);
        foreach (var w in window)
        {
            windowPower += w * w;
        }

        power = new double[fft.Bins * RealFftPower.BatchSize];
    }

    public int SegmentLength => fft.Length;

    public int Bins => fft.Bins;

    /// <summary>Number of segments Welch averages for a signal of <paramref name="samples"/> samples.</summary>
    public int SegmentCount(int samples) =>
        samples < SegmentLength ? 0 : ((samples - SegmentLength) / Step) + 1;

    private int Step => SegmentLength - (SegmentLength / 2);

    /// <summary>Bin spacing as numpy's rfftfreq computes it: f_k = k * (1 / (n * (1 / fs))).</summary>
    public double BinWidth(double samplingRate) => 1.0 / (SegmentLength * (1.0 / samplingRate));

    /// <summary>Writes the PSD of <paramref name="signal"/> (at least one segment long) into <paramref name="psd"/>.</summary>
    public void Compute(ReadOnlySpan<double> signal, double samplingRate, Span<double> psd)
    {
        var segments = SegmentCount(signal.Length);
        if (segments == 0)
        {
            throw new ArgumentException($"Welch needs at least {SegmentLength} samples.", nameof(signal));
        }

        if (psd.Length != Bins)
        {
            throw new ArgumentException($"Expected {Bins} bins.", nameof(psd));
        }

        psd.Clear();
        var n = SegmentLength;
        var bins = Bins;
        Span<int> starts = stackalloc int[RealFftPower.BatchSize];
        Span<double> means = stackalloc double[RealFftPower.BatchSize];
        for (var first = 0; first < segments; first += starts.Length)
        {
            var batch = Math.Min(starts.Length, segments - first);
            for (var b = 0; b < batch; b++)
            {
                starts[b] = (first + b) * Step;
                means[b] = SignalStatistics.Mean(signal.Slice(starts[b], n));
            }

            fft.Compute(signal, starts[..batch], window, means[..batch], power);

            // Segments are added in order, whatever the batch size.
            for (var b = 0; b < batch; b++)
            {
                var spectrum = power.AsSpan(b * bins, bins);
                for (var k = 0; k < bins; k++)
                {
                    psd[k] += spectrum[k];
                }
            }
        }

        var scale = 1.0 / (samplingRate * windowPower);
        var last = n % 2 == 0 ? psd.Length - 1 : psd.Length;
        for (var k = 0; k < psd.Length; k++)
        {
            var oneSided = k > 0 && k < last ? 2.0 : 1.0;
            psd[k] = psd[k] * scale * oneSided / segments;
        }
    }

    /// <summary>scipy's hann(n, sym=False): 0.5 + 0.5 cos(fac), fac = linspace(-pi, pi, n + 1)[:n].</summary>
    private static double[] PeriodicHann(int n)
    {
        var step = (Math.PI - -Math.PI) / n;
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = 0.5 + (0.5 * Math.Cos((i * step) + -Math.PI));
        }

        return w;
    }
}
