using System.Numerics;

namespace TherapyPlatform.Emg.Spectral;

/// <summary>
/// Power spectrum |X_k|^2, k = 0..n/2, of a real block of n samples (n a power of two), with the
/// block's offset removal and window applied on the way in.
/// Hand-written on purpose: FftSharp 2.2.0 gives the same numbers (the tests cross-check it), but it
/// recomputes every twiddle factor with Math.Cos/Math.Sin inside the butterflies and has no real-input
/// transform, which makes the ~3,000 transforms of one session about ten times slower than this one
/// (precomputed per-stage twiddles, a half-length complex FFT of the packed real input, no allocation per call).
/// </summary>
public sealed class RealFftPower
{
    private readonly int length;
    private readonly int half;
    private readonly int[] bitReversed;
    private readonly double[] stageRe;
    private readonly double[] stageIm;
    private readonly double[] splitRe;
    private readonly double[] splitIm;
    private readonly double[] workRe;
    private readonly double[] workIm;

    public RealFftPower(int length)
    {
        if (length < 8 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The length must be a power of two of at least 8.");
        }

        this.length = length;
        half = length / 2;
        bitReversed = BitReversal(half);

        // Twiddles of each stage (size 4, 8, ..., half) stored one after the other: stage of size s starts at s/2 - 2.
        stageRe = new double[half];
        stageIm = new double[half];
        for (var size = 4; size <= half; size *= 2)
        {
            for (var k = 0; k < size / 2; k++)
            {
                var angle = -2.0 * Math.PI * k / size;
                stageRe[(size / 2) - 2 + k] = Math.Cos(angle);
                stageIm[(size / 2) - 2 + k] = Math.Sin(angle);
            }
        }

        splitRe = new double[half + 1];
        splitIm = new double[half + 1];
        for (var k = 0; k <= half; k++)
        {
            var angle = -2.0 * Math.PI * k / length;
            splitRe[k] = Math.Cos(angle);
            splitIm[k] = Math.Sin(angle);
        }

        workRe = new double[half];
        workIm = new double[half];
    }

    public int Length => length;

    /// <summary>Number of one-sided bins, n/2 + 1.</summary>
    public int Bins => half + 1;

    /// <summary>
    /// Writes |rfft((input - offset) * window)|^2 into <paramref name="power"/> (n/2 + 1 bins). Not thread-safe.
    /// </summary>
    public void Compute(ReadOnlySpan<double> input, ReadOnlySpan<double> window, double offset, Span<double> power)
    {
        if (input.Length != length || window.Length != length || power.Length != half + 1)
        {
            throw new ArgumentException($"Expected {length} samples and window values, and {half + 1} bins.");
        }

        var re = workRe.AsSpan();
        var im = workIm.AsSpan(0, re.Length);

        // Even samples as real and odd samples as imaginary parts, in bit-reversed order.
        var order = bitReversed.AsSpan(0, re.Length);
        for (var j = 0; j < re.Length; j++)
        {
            var source = 2 * order[j];
            re[j] = window[source] * (input[source] - offset);
            im[j] = window[source + 1] * (input[source + 1] - offset);
        }

        Butterflies(re, im);
        Split(re, im, power);
    }

    private void Butterflies(Span<double> re, Span<double> im)
    {
        // Size 2: twiddle 1.
        for (var even = 0; even + 1 < re.Length; even += 2)
        {
            var (tr, ti) = (re[even + 1], im[even + 1]);
            (re[even + 1], im[even + 1]) = (re[even] - tr, im[even] - ti);
            (re[even], im[even]) = (re[even] + tr, im[even] + ti);
        }

        for (var size = 4; size <= re.Length; size *= 2)
        {
            var halfSize = size / 2;
            var wRe = stageRe.AsSpan(halfSize - 2, halfSize);
            var wIm = stageIm.AsSpan(halfSize - 2, halfSize);
            for (var start = 0; start < re.Length; start += size)
            {
                var evenRe = re.Slice(start, halfSize);
                var evenIm = im.Slice(start, halfSize);
                var oddRe = re.Slice(start + halfSize, halfSize);
                var oddIm = im.Slice(start + halfSize, halfSize);
                var k = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    // Later stages have contiguous runs of butterflies: several at once, same arithmetic per lane.
                    for (; k + Vector<double>.Count <= halfSize; k += Vector<double>.Count)
                    {
                        var wr = new Vector<double>(wRe[k..]);
                        var wi = new Vector<double>(wIm[k..]);
                        var or = new Vector<double>(oddRe[k..]);
                        var oi = new Vector<double>(oddIm[k..]);
                        var er = new Vector<double>(evenRe[k..]);
                        var ei = new Vector<double>(evenIm[k..]);
                        var tr = (wr * or) - (wi * oi);
                        var ti = (wr * oi) + (wi * or);
                        (er - tr).CopyTo(oddRe[k..]);
                        (ei - ti).CopyTo(oddIm[k..]);
                        (er + tr).CopyTo(evenRe[k..]);
                        (ei + ti).CopyTo(evenIm[k..]);
                    }
                }

                for (; k < halfSize; k++)
                {
                    var tr = (wRe[k] * oddRe[k]) - (wIm[k] * oddIm[k]);
                    var ti = (wRe[k] * oddIm[k]) + (wIm[k] * oddRe[k]);
                    oddRe[k] = evenRe[k] - tr;
                    oddIm[k] = evenIm[k] - ti;
                    evenRe[k] += tr;
                    evenIm[k] += ti;
                }
            }
        }
    }

    /// <summary>
    /// From the half-length transform Z of the packed input to the real transform X:
    /// X_k = (Z_k + conj Z_{h-k}) / 2 - i e^{-2 pi i k / n} (Z_k - conj Z_{h-k}) / 2, Z_h = Z_0.
    /// </summary>
    private void Split(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Span<double> power)
    {
        var h = re.Length;
        power[0] = Square(re[0] + im[0]);
        power[h] = Square(re[0] - im[0]);
        for (var k = 1; k < h; k++)
        {
            var evenRe = 0.5 * (re[k] + re[h - k]);
            var evenIm = 0.5 * (im[k] - im[h - k]);
            var oddRe = 0.5 * (im[k] + im[h - k]);
            var oddIm = -0.5 * (re[k] - re[h - k]);
            var wr = splitRe[k];
            var wi = splitIm[k];
            var xr = evenRe + ((wr * oddRe) - (wi * oddIm));
            var xi = evenIm + ((wr * oddIm) + (wi * oddRe));
            power[k] = (xr * xr) + (xi * xi);
        }
    }

    private static double Square(double value) => value * value;

    private static int[] BitReversal(int n)
    {
        var bits = System.Numerics.BitOperations.Log2((uint)n);
        var table = new int[n];
        for (var i = 0; i < n; i++)
        {
            var reversed = 0;
            for (var b = 0; b < bits; b++)
            {
                reversed |= ((i >> b) & 1) << (bits - 1 - b);
            }

            table[i] = reversed;
        }

        return table;
    }
}
