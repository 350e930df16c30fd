using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        var done = Vector512.IsHardwareAccelerated ? SumBlocks<Wide, Vector512<double>>(scaled, window, output)
            : Vector.IsHardwareAccelerated ? SumBlocks<Native, Vector<double>>(scaled, window, output)
            : 0;
        for (var i = done; i < output.Length; i++)
        {
            var sum = 0.0;
            foreach (var v in scaled.Slice(i, window))
            {
                sum += v;
            }

            output[i] = sum;
        }
    }

    /// <summary>
    /// Whole blocks of eight vectors of outputs; returns how many outputs it wrote. Eight independent
    /// accumulators hide the addition latency; lanes never mix, so each output is still added in the order of k.
    /// </summary>
    private static int SumBlocks<TLanes, TVector>(ReadOnlySpan<double> scaled, int window, Span<double> output)
        where TLanes : ILanes<TVector>
        where TVector : struct
    {
        var n = (nuint)TLanes.Count;
        var block = 8 * TLanes.Count;
        ref var source = ref MemoryMarshal.GetReference(scaled);
        ref var target = ref MemoryMarshal.GetReference(output);
        var i = 0;
        for (; i + block <= output.Length; i += block)
        {
            TVector s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (var j = 0; j < window; j++)
            {
                var at = (nuint)(i + j);
                s0 = TLanes.Add(s0, TLanes.Load(ref source, at));
                s1 = TLanes.Add(s1, TLanes.Load(ref source, at + n));
                s2 = TLanes.Add(s2, TLanes.Load(ref source, at + (2 * n)));
                s3 = TLanes.Add(s3, TLanes.Load(ref source, at + (3 * n)));
                s4 = TLanes.Add(s4, TLanes.Load(ref source, at + (4 * n)));
                s5 = TLanes.Add(s5, TLanes.Load(ref source, at + (5 * n)));
                s6 = TLanes.Add(s6, TLanes.Load(ref source, at + (6 * n)));
                s7 = TLanes.Add(s7, TLanes.Load(ref source, at + (7 * n)));
            }

            var to = (nuint)i;
            TLanes.Store(s0, ref target, to);
            TLanes.Store(s1, ref target, to + n);
            TLanes.Store(s2, ref target, to + (2 * n));
            TLanes.Store(s3, ref target, to + (3 * n));
            TLanes.Store(s4, ref target, to + (4 * n));
            TLanes.Store(s5, ref target, to + (5 * n));
            TLanes.Store(s6, ref target, to + (6 * n));
            TLanes.Store(s7, ref target, to + (7 * n));
        }

        return i;
    }

    /// <summary>One SIMD width; static so the JIT specialises <see cref="SumBlocks"/> for each.</summary>
    private interface ILanes<TVector>
        where TVector : struct
    {
        static abstract int Count { get; }

        static abstract TVector Load(ref double source, nuint offset);

        static abstract TVector Add(TVector left, TVector right);

        static abstract void Store(TVector value, ref double target, nuint offset);
    }

    /// <summary>512-bit vectors where the CPU has them (8 doubles).</summary>
    private readonly struct Wide : ILanes<Vector512<double>>
    {
        public static int Count => Vector512<double>.Count;

        public static Vector512<double> Load(ref double source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

        public static Vector512<double> Add(Vector512<double> left, Vector512<double> right) => left + right;

        public static void Store(Vector512<double> value, ref double target, nuint offset) => value.StoreUnsafe(ref target, offset);
    }

    /// <summary>The platform's preferred width (Vector&lt;double&gt;).</summary>
    private readonly struct Native : ILanes<Vector<double>>
    {
        public static int Count => Vector<double>.Count;

        public static Vector<double> Load(ref double source, nuint offset) => Vector.LoadUnsafe(ref source, offset);

        public static Vector<double> Add(Vector<double> left, Vector<double> right) => left + right;

        public static void Store(Vector<double> value, ref double target, nuint offset) => value.StoreUnsafe(ref target, offset);
    }
}
