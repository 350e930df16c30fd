namespace TherapyPlatform.Emg.Filtering;

public enum FilterKind
{
    LowPass,
    HighPass,
}

/// <summary>
/// Digital Butterworth design exactly as scipy.signal.butter(order, cutoff / nyquist, btype) does it:
/// analog prototype poles, frequency pre-warping (fs = 2), lp2lp/lp2hp in zpk form, bilinear transform,
/// then zpk -> (b, a) by expanding the polynomials. Hand-written because neither FftSharp (FFT brick-wall
/// filters only) nor MathNet.Numerics (no IIR design) offers a Butterworth design, and the envelope depends
/// on scipy's exact route to the coefficients (the tests compare them with scipy's to 1e-13).
/// </summary>
public static class Butterworth
{
    /// <summary>
    /// Designs the filter; null when the cutoff is at or above the Nyquist frequency (the reference then
    /// skips that filter).
    /// </summary>
    public static IirCoefficients? Design(int order, double cutoffHz, double samplingRate, FilterKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        var normalized = cutoffHz / (samplingRate / 2);
        if (normalized >= 1.0)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(normalized, nameof(cutoffHz));

        const double fs = 2.0;
        var warped = 2 * fs * Math.Tan(Math.PI * normalized / fs);

        // buttap: p = -exp(1j * pi * m / (2N)), m = -N+1, -N+3, ..., N-1.
        var poles = new NumpyComplex[order];
        for (var i = 0; i < order; i++)
        {
            var m = -order + 1 + (2 * i);
            poles[i] = -NumpyComplex.Exp(new NumpyComplex(0, Math.PI * m) / (2.0 * order));
        }

        NumpyComplex[] zeros;
        double gain;
        if (kind == FilterKind.LowPass)
        {
            // lp2lp_zpk: p * wo, k * wo^degree, no finite zeros.
            for (var i = 0; i < order; i++)
            {
                poles[i] = warped * poles[i];
            }

            zeros = [];
            gain = Math.Pow(warped, order);
        }
        else
        {
            // lp2hp_zpk: wo / p, zeros at the origin, k * real(prod(-z) / prod(-p)).
            var negated = new NumpyComplex[order];
            for (var i = 0; i < order; i++)
            {
                negated[i] = -poles[i];
                poles[i] = warped / poles[i];
            }

            zeros = new NumpyComplex[order];
            gain = (1.0 / NumpyComplex.Product(negated)).Re;
        }

        // bilinear_zpk with fs2 = 4: (fs2 + x) / (fs2 - x); zeros at -1 fill the relative degree.
        const double fs2 = 2.0 * fs;
        var digitalZeros = new NumpyComplex[order];
        var zeroFactors = new NumpyComplex[zeros.Length];
        for (var i = 0; i < zeros.Length; i++)
        {
            digitalZeros[i] = (fs2 + zeros[i]) / (fs2 - zeros[i]);
            zeroFactors[i] = fs2 - zeros[i];
        }

        for (var i = zeros.Length; i < order; i++)
        {
            digitalZeros[i] = -1.0;
        }

        var poleFactors = new NumpyComplex[order];
        for (var i = 0; i < order; i++)
        {
            poleFactors[i] = fs2 - poles[i];
            poles[i] = (fs2 + poles[i]) / (fs2 - poles[i]);
        }

        var zeroProduct = NumpyComplex.Product(zeroFactors);
        gain *= (zeroProduct / NumpyComplex.Product(poleFactors)).Re;

        var b = ExpandRealPolynomial(digitalZeros);
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = gain * b[i];
        }

        return new IirCoefficients(b, ExpandRealPolynomial(poles));
    }

    /// <summary>numpy.poly: coefficients of prod (x - r), roots in conjugate pairs so the result is real.</summary>
    private static double[] ExpandRealPolynomial(ReadOnlySpan<NumpyComplex> roots)
    {
        var coefficients = new NumpyComplex[roots.Length + 1];
        coefficients[0] = 1.0;
        for (var r = 0; r < roots.Length; r++)
        {
            var negated = -roots[r];
            for (var k = r + 1; k >= 1; k--)
            {
                coefficients[k] = (coefficients[k - 1] * negated) + (k <= r ? coefficients[k] : 0.0);
            }
        }

        var real = new double[coefficients.Length];
        for (var i = 0; i < real.Length; i++)
        {
            real[i] = coefficients[i].Re;
        }

        return real;
    }
}
