namespace TherapyPlatform.Emg.Spectral;

/// <summary>
/// Power spectrum |X_k|^2, k = 0..n/2, of a real block of n samples (n a power of two).
/// Hand-written on purpose: FftSharp 2.2.0 gives the same numbers (the tests cross-check it), but it
/// recomputes every twiddle factor with Math.Cos/Math.Sin inside the butterflies and has no real-input
/// transform, which makes the ~3,000 transforms of one session about ten times slower than this one
/// (precomputed twiddles, a half-length complex FFT of the packed real input, no allocation per call).
/// </summary>
public sealed class RealFftPower
{
    private readonly int length;
    private readonly int half;
    private readonly int[] bitReversed;
    private readonly double[] twiddleRe;
    private readonly double[] twiddleIm;
    private readonly double[] splitRe;
    private readonly double[] splitIm;
    private readonly double[] workRe;
    private readonly double[] workIm;

    public RealFftPower(int length)
    {
        if (length < 4 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The length must be a power of two of at least 4.");
        }

        this.length = length;
        half = length / 2;
        bitReversed = BitReversal(half);
        twiddleRe = new double[half / 2];
        twiddleIm = new double[half / 2];
        for (var k = 0; k < half / 2; k++)
        {
            var angle = -2.0 * Math.PI * k / half;
            twiddleRe[k] = Math.Cos(angle);
            twiddleIm[k] = Math.Sin(angle);
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

    /// <summary>Writes |rfft(input)|^2 into <paramref name="power"/> (length n/2 + 1). Not thread-safe.</summary>
    public void Compute(ReadOnlySpan<double> input, Span<double> power)
    {
        if (input.Length != length || power.Length != half + 1)
        {
            throw new ArgumentException($"Expected {length} samples and {half + 1} bins.");
        }

        var re = workRe;
        var im = workIm;

        // Pack even samples as real and odd samples as imaginary parts, in bit-reversed order.
        for (var j = 0; j < half; j++)
        {
            var source = bitReversed[j];
            re[j] = input[2 * source];
            im[j] = input[(2 * source) + 1];
        }

        Butterflies(re, im);

        // Split the half-length transform Z into the real transform X:
        // X_k = (Z_k + conj Z_{h-k}) / 2 - i e^{-2 pi i k / n} (Z_k - conj Z_{h-k}) / 2.
        for (var k = 0; k <= half; k++)
        {
            var a = k % half;
            var b = (half - k) % half;
            var evenRe = 0.5 * (re[a] + re[b]);
            var evenIm = 0.5 * (im[a] - im[b]);
            var oddRe = 0.5 * (im[a] + im[b]);
            var oddIm = -0.5 * (re[a] - re[b]);
            var wr = splitRe[k];
            var wi = splitIm[k];
            var xr = evenRe + ((wr * oddRe) - (wi * oddIm));
            var xi = evenIm + ((wr * oddIm) + (wi * oddRe));
            power[k] = (xr * xr) + (xi * xi);
        }
    }

    private void Butterflies(double[] re, double[] im)
    {
        for (var size = 2; size <= half; size *= 2)
        {
            var halfSize = size / 2;
            var stride = half / size;
            for (var start = 0; start < half; start += size)
            {
                for (var k = 0; k < halfSize; k++)
                {
                    var even = start + k;
                    var odd = even + halfSize;
                    var wr = twiddleRe[k * stride];
                    var wi = twiddleIm[k * stride];
                    var tr = (wr * re[odd]) - (wi * im[odd]);
                    var ti = (wr * im[odd]) + (wi * re[odd]);
                    re[odd] = re[even] - tr;
                    im[odd] = im[even] - ti;
                    re[even] += tr;
                    im[even] += ti;
                }
            }
        }
    }

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
