using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace TherapyPlatform.Emg.Filtering;

/// <summary>
/// Centred moving average as numpy's convolve(x, ones(m)/m, 'same'):
/// out[i] = sum of x[k] * (1/m) for k = i - m/2 .. i + m - 1 - m/2 (zeros outside), added in order of k.
/// The products and the order of the additions are those of the reference on purpose: samples that sit
/// exactly on a detection threshold (sum/m or a running sum round differently) keep the reference's side.
/// Vectorised across outputs, each lane doing one output's additions in that same order.
/// </summary>
public static class MovingAverage
{
    public static double[] Centered(ReadOnlySpan<double> x, int window, bool rectify = false)
    {
        var output = new double[x.Length];
        Centered(x, window, output, rectify);
        return output;
    }

    /// <summary>Writes the moving average of x (of |x| when <paramref name="rectify"/>) into <paramref name="output"/>.</summary>
    public static void Centered(ReadOnlySpan<double> x, int window, Span<double> output, bool rectify = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (window > x.Length)
        {
            throw new ArgumentException("The window must not be longer than the signal.", nameof(window));
        }

        if (output.Length != x.Length)
        {
            throw new ArgumentException("The output must have the input's length.", nameof(output));
        }

        var n = x.Length;
        var before = window / 2;
        var paddedLength = n + window - 1;
        var rented = ArrayPool<double>.Shared.Rent(paddedLength);
        try
        {
            // scaled[i + j] = x[i - before + j] * (1/m): output i sums scaled[i .. i + m - 1] in order.
            var scaled = rented.AsSpan(0, paddedLength);
            var weight = 1.0 / window;
            scaled[..before].Clear();
            scaled[(before + n)..].Clear();
            for (var k = 0; k < n; k++)
            {
                scaled[before + k] = (rectify ? Math.Abs(x[k]) : x[k]) * weight;
            }

            SumWindows(scaled, window, output);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static void SumWindows(ReadOnlySpan<double> scaled, int window, Span<double> output)
    {
        var lanes = Vector<double>.Count;
        var block = 8 * lanes;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Eight independent accumulators hide the addition latency; lanes never mix, so each output
            // is still added in the order of k.
            ref var source = ref MemoryMarshal.GetReference(scaled);
            ref var target = ref MemoryMarshal.GetReference(output);
            for (; i + block <= output.Length; i += block)
            {
                var s0 = Vector<double>.Zero;
                var s1 = Vector<double>.Zero;
                var s2 = Vector<double>.Zero;
                var s3 = Vector<double>.Zero;
                var s4 = Vector<double>.Zero;
                var s5 = Vector<double>.Zero;
                var s6 = Vector<double>.Zero;
                var s7 = Vector<double>.Zero;
                for (var j = 0; j < window; j++)
                {
                    var at = (nuint)(i + j);
                    s0 += Vector.LoadUnsafe(ref source, at);
                    s1 += Vector.LoadUnsafe(ref source, at + (nuint)lanes);
                    s2 += Vector.LoadUnsafe(ref source, at + (nuint)(2 * lanes));
                    s3 += Vector.LoadUnsafe(ref source, at + (nuint)(3 * lanes));
                    s4 += Vector.LoadUnsafe(ref source, at + (nuint)(4 * lanes));
                    s5 += Vector.LoadUnsafe(ref source, at + (nuint)(5 * lanes));
                    s6 += Vector.LoadUnsafe(ref source, at + (nuint)(6 * lanes));
                    s7 += Vector.LoadUnsafe(ref source, at + (nuint)(7 * lanes));
                }

                var to = (nuint)i;
                s0.StoreUnsafe(ref target, to);
                s1.StoreUnsafe(ref target, to + (nuint)lanes);
                s2.StoreUnsafe(ref target, to + (nuint)(2 * lanes));
                s3.StoreUnsafe(ref target, to + (nuint)(3 * lanes));
                s4.StoreUnsafe(ref target, to + (nuint)(4 * lanes));
                s5.StoreUnsafe(ref target, to + (nuint)(5 * lanes));
                s6.StoreUnsafe(ref target, to + (nuint)(6 * lanes));
                s7.StoreUnsafe(ref target, to + (nuint)(7 * lanes));
            }
        }

        for (; i < output.Length; i++)
        {
            var sum = 0.0;
            foreach (var v in scaled.Slice(i, window))
            {
                sum += v;
            }

            output[i] = sum;
        }
    }
}
