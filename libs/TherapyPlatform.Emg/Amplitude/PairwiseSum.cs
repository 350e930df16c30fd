using System.Numerics;

namespace TherapyPlatform.Emg.Amplitude;

/// <summary>
/// numpy's float64 summation (np.sum, np.mean): pairwise over blocks of at most 128 values, each block
/// with eight interleaved partial sums. Using the reference's order keeps sums bit-compatible in most
/// cases, and its eight independent chains are also faster than one running sum.
/// </summary>
public static class PairwiseSum
{
    private const int BlockSize = 128;

    public static double Sum(ReadOnlySpan<double> values) => Sum<Identity>(values, 0);

    /// <summary>sum(x**2), each square rounded first as numpy does.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> values) => Sum<Square>(values, 0);

    /// <summary>sum(abs(x)).</summary>
    public static double SumOfAbsolutes(ReadOnlySpan<double> values) => Sum<Absolute>(values, 0);

    /// <summary>sum((x - mean)**2), as np.std computes it.</summary>
    public static double SumOfSquaredDeviations(ReadOnlySpan<double> values, double mean) => Sum<SquaredDeviation>(values, mean);

    private static double Sum<T>(ReadOnlySpan<double> values, double center)
        where T : IElement
    {
        var n = values.Length;
        if (n < 8)
        {
            return Rest<T>(0.0, values, center);
        }

        if (n <= BlockSize)
        {
            return Vector.IsHardwareAccelerated && Vector<double>.Count == 4 ? Block4<T>(values, center) : Block<T>(values, center);
        }

        var firstHalf = n / 2;
        firstHalf -= firstHalf % 8;
        return Sum<T>(values[..firstHalf], center) + Sum<T>(values[firstHalf..], center);
    }

    /// <summary>One block: partial sums r0..r7 over every eighth value, combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the rest.</summary>
    private static double Block<T>(ReadOnlySpan<double> values, double center)
        where T : IElement
    {
        var n = values.Length;
        double r0 = T.Of(values[0], center), r1 = T.Of(values[1], center), r2 = T.Of(values[2], center), r3 = T.Of(values[3], center);
        double r4 = T.Of(values[4], center), r5 = T.Of(values[5], center), r6 = T.Of(values[6], center), r7 = T.Of(values[7], center);
        var i = 8;
        for (; i < n - (n % 8); i += 8)
        {
            r0 += T.Of(values[i], center);
            r1 += T.Of(values[i + 1], center);
            r2 += T.Of(values[i + 2], center);
            r3 += T.Of(values[i + 3], center);
            r4 += T.Of(values[i + 4], center);
            r5 += T.Of(values[i + 5], center);
            r6 += T.Of(values[i + 6], center);
            r7 += T.Of(values[i + 7], center);
        }

        return Rest<T>(((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), values[i..], center);
    }

    /// <summary>The same block with r0..r3 and r4..r7 as the lanes of two 4-wide vectors: identical additions, fewer instructions.</summary>
    private static double Block4<T>(ReadOnlySpan<double> values, double center)
        where T : IElement
    {
        var n = values.Length;
        var c = new Vector<double>(center);
        var low = T.Of(new Vector<double>(values), c);
        var high = T.Of(new Vector<double>(values[4..]), c);
        var i = 8;
        for (; i < n - (n % 8); i += 8)
        {
            low += T.Of(new Vector<double>(values[i..]), c);
            high += T.Of(new Vector<double>(values[(i + 4)..]), c);
        }

        return Rest<T>(((low[0] + low[1]) + (low[2] + low[3])) + ((high[0] + high[1]) + (high[2] + high[3])), values[i..], center);
    }

    private static double Rest<T>(double sum, ReadOnlySpan<double> rest, double center)
        where T : IElement
    {
        foreach (var v in rest)
        {
            sum += T.Of(v, center);
        }

        return sum;
    }

    /// <summary>The elementwise operation applied before summing; static so the JIT inlines it.</summary>
    private interface IElement
    {
        static abstract double Of(double value, double center);

        static abstract Vector<double> Of(Vector<double> value, Vector<double> center);
    }

    private readonly struct Identity : IElement
    {
        public static double Of(double value, double center) => value;

        public static Vector<double> Of(Vector<double> value, Vector<double> center) => value;
    }

    private readonly struct Square : IElement
    {
        public static double Of(double value, double center) => value * value;

        public static Vector<double> Of(Vector<double> value, Vector<double> center) => value * value;
    }

    private readonly struct Absolute : IElement
    {
        public static double Of(double value, double center) => Math.Abs(value);

        public static Vector<double> Of(Vector<double> value, Vector<double> center) => Vector.Abs(value);
    }

    private readonly struct SquaredDeviation : IElement
    {
        public static double Of(double value, double center)
        {
            var deviation = value - center;
            return deviation * deviation;
        }

        public static Vector<double> Of(Vector<double> value, Vector<double> center)
        {
            var deviation = value - center;
            return deviation * deviation;
        }
    }
}
