using System.Buffers;

namespace TherapyPlatform.Emg.Filtering;

/// <summary>
/// Forward-backward (zero-phase) IIR filtering exactly as scipy.signal.filtfilt with its defaults: odd
/// extension of 3 * max(len(a), len(b)) samples at both ends, lfilter (direct form II transposed) started
/// from the steady state lfilter_zi scaled by the first sample of each pass, then the padding removed.
/// Hand-written because no .NET package reproduces scipy's padding and initial conditions, and the
/// envelope must equal the reference's to 1e-6.
/// </summary>
public sealed class ZeroPhaseFilter
{
    private readonly double[] b;
    private readonly double[] a;
    private readonly double[] steadyState;

    public ZeroPhaseFilter(IirCoefficients coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var taps = Math.Max(coefficients.A.Count, coefficients.B.Count);
        if (coefficients.A.Count == 0 || coefficients.A[0] == 0)
        {
            throw new ArgumentException("a[0] must not be zero.", nameof(coefficients));
        }

        // lfilter normalises by a[0] and pads the shorter coefficient list with zeros.
        b = new double[taps];
        a = new double[taps];
        var a0 = coefficients.A[0];
        for (var i = 0; i < coefficients.B.Count; i++)
        {
            b[i] = coefficients.B[i] / a0;
        }

        for (var i = 0; i < coefficients.A.Count; i++)
        {
            a[i] = coefficients.A[i] / a0;
        }

        steadyState = SolveSteadyState(b, a);
        PadLength = 3 * taps;
    }

    /// <summary>Samples of odd extension at each end (scipy's default padlen).</summary>
    public int PadLength { get; }

    /// <summary>lfilter_zi: the filter state of a unit step response at rest.</summary>
    public IReadOnlyList<double> SteadyState => steadyState;

    /// <summary>Filters <paramref name="input"/> forward and backward into <paramref name="output"/>.</summary>
    public void Apply(ReadOnlySpan<double> input, Span<double> output)
    {
        if (output.Length != input.Length)
        {
            throw new ArgumentException("The output must have the input's length.", nameof(output));
        }

        var extended = ArrayPool<double>.Shared.Rent(input.Length + (2 * PadLength));
        try
        {
            var buffer = extended.AsSpan(0, input.Length + (2 * PadLength));
            input.CopyTo(buffer[PadLength..]);
            ApplyExtended(buffer);
            buffer.Slice(PadLength, input.Length).CopyTo(output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(extended);
        }
    }

    /// <summary>
    /// In place on a buffer holding the signal at [PadLength, Length - PadLength): writes the odd
    /// extension into the margins, filters forward and backward; the filtered signal is then at the same place.
    /// </summary>
    public void ApplyExtended(Span<double> buffer)
    {
        Extend(buffer);
        Filter(buffer, reverse: false, buffer[0]);
        Filter(buffer, reverse: true, buffer[^1]);
    }

    /// <summary>
    /// <see cref="ApplyExtended(Span{double})"/> on two buffers of the same length, with the same numbers:
    /// for order 4 both recursions run in one loop, so the CPU works on one while the other waits on its
    /// previous sample (each recursion alone is latency-bound).
    /// </summary>
    public void ApplyExtended(Span<double> first, Span<double> second)
    {
        if (b.Length != 5 || first.Length != second.Length)
        {
            ApplyExtended(first);
            ApplyExtended(second);
            return;
        }

        Extend(first);
        Extend(second);
        FilterOrder4(first, second, reverse: false, first[0], second[0]);
        FilterOrder4(first, second, reverse: true, first[^1], second[^1]);
    }

    /// <summary>scipy's odd extension: 2 x[0] - x[pad..1] before, 2 x[-1] - x[-2..-pad-1] after.</summary>
    private void Extend(Span<double> buffer)
    {
        var pad = PadLength;
        var n = buffer.Length - (2 * pad);
        if (n <= pad)
        {
            throw new ArgumentException($"The signal must be longer than the padding ({pad} samples).", nameof(buffer));
        }

        var first = buffer[pad];
        var last = buffer[pad + n - 1];
        for (var i = 1; i <= pad; i++)
        {
            buffer[pad - i] = (2 * first) - buffer[pad + i];
            buffer[pad + n - 1 + i] = (2 * last) - buffer[pad + n - 1 - i];
        }
    }

    /// <summary>scipy's lfilter loop with zi = steady state * <paramref name="initial"/>, in place.</summary>
    private void Filter(Span<double> signal, bool reverse, double initial)
    {
        if (b.Length == 5)
        {
            FilterOrder4(signal, reverse, initial);
            return;
        }

        var order = b.Length - 1;
        Span<double> z = stackalloc double[Math.Max(order, 1)];
        for (var j = 0; j < order; j++)
        {
            z[j] = steadyState[j] * initial;
        }

        var count = signal.Length;
        for (var step = 0; step < count; step++)
        {
            var index = reverse ? count - 1 - step : step;
            var x = signal[index];
            var y = order == 0 ? x * b[0] : z[0] + (b[0] * x);
            for (var j = 0; j < order - 1; j++)
            {
                z[j] = z[j + 1] + (x * b[j + 1]) - (y * a[j + 1]);
            }

            if (order > 0)
            {
                z[order - 1] = (x * b[order]) - (y * a[order]);
            }

            signal[index] = y;
        }
    }

    /// <summary>
    /// The same loop for order 4 (the envelope's filters) with the state in registers: the recursion is
    /// latency-bound, and keeping the state out of memory makes it about twice as fast.
    /// </summary>
    private void FilterOrder4(Span<double> signal, bool reverse, double initial)
    {
        double b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
        double a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        double z0 = steadyState[0] * initial, z1 = steadyState[1] * initial;
        double z2 = steadyState[2] * initial, z3 = steadyState[3] * initial;
        var count = signal.Length;
        for (var step = 0; step < count; step++)
        {
            ref var sample = ref signal[reverse ? count - 1 - step : step];
            var x = sample;
            var y = z0 + (b0 * x);
            z0 = z1 + (x * b1) - (y * a1);
            z1 = z2 + (x * b2) - (y * a2);
            z2 = z3 + (x * b3) - (y * a3);
            z3 = (x * b4) - (y * a4);
            sample = y;
        }
    }

    /// <summary>Two independent order-4 recursions interleaved, each exactly as <see cref="FilterOrder4(Span{double}, bool, double)"/>.</summary>
    private void FilterOrder4(Span<double> first, Span<double> second, bool reverse, double firstInitial, double secondInitial)
    {
        double b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4];
        double a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4];
        double z0 = steadyState[0] * firstInitial, z1 = steadyState[1] * firstInitial;
        double z2 = steadyState[2] * firstInitial, z3 = steadyState[3] * firstInitial;
        double w0 = steadyState[0] * secondInitial, w1 = steadyState[1] * secondInitial;
        double w2 = steadyState[2] * secondInitial, w3 = steadyState[3] * secondInitial;
        var count = first.Length;
        for (var step = 0; step < count; step++)
        {
            var index = reverse ? count - 1 - step : step;
            ref var p = ref first[index];
            ref var q = ref second[index];
            var x = p;
            var u = q;
            var y = z0 + (b0 * x);
            var v = w0 + (b0 * u);
            z0 = z1 + (x * b1) - (y * a1);
            w0 = w1 + (u * b1) - (v * a1);
            z1 = z2 + (x * b2) - (y * a2);
            w1 = w2 + (u * b2) - (v * a2);
            z2 = z3 + (x * b3) - (y * a3);
            w2 = w3 + (u * b3) - (v * a3);
            z3 = (x * b4) - (y * a4);
            w3 = (u * b4) - (v * a4);
            p = y;
            q = v;
        }
    }

    /// <summary>Solves (I - companion(a)^T) zi = b[1:] - a[1:] b[0] by Gaussian elimination with partial pivoting.</summary>
    private static double[] SolveSteadyState(double[] b, double[] a)
    {
        var n = b.Length - 1;
        var m = new double[n, n];
        var rhs = new double[n];
        for (var i = 0; i < n; i++)
        {
            m[i, 0] = a[i + 1];
            m[i, i] += 1.0;
            if (i + 1 < n)
            {
                m[i, i + 1] = -1.0;
            }

            rhs[i] = b[i + 1] - (a[i + 1] * b[0]);
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                }

                (rhs[col], rhs[pivot]) = (rhs[pivot], rhs[col]);
            }

            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var k = col; k < n; k++)
                {
                    m[row, k] -= factor * m[col, k];
                }

                rhs[row] -= factor * rhs[col];
            }
        }

        var zi = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = rhs[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= m[row, k] * zi[k];
            }

            zi[row] = sum / m[row, row];
        }

        return zi;
    }
}
