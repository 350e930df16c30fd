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
            var sum = 0.0;
            foreach (var v in values)
            {
                sum += T.Of(v, center);
            }

            return sum;
        }

        if (n <= BlockSize)
        {
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

            var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                result += T.Of(values[i], center);
            }

            return result;
        }

        var firstHalf = n / 2;
        firstHalf -= firstHalf % 8;
        return Sum<T>(values[..firstHalf], center) + Sum<T>(values[firstHalf..], center);
    }

    /// <summary>The elementwise operation applied before summing; static so the JIT inlines it.</summary>
    private interface IElement
    {
        static abstract double Of(double value, double center);
    }

    private readonly struct Identity : IElement
    {
        public static double Of(double value, double center) => value;
    }

    private readonly struct Square : IElement
    {
        public static double Of(double value, double center) => value * value;
    }

    private readonly struct Absolute : IElement
    {
        public static double Of(double value, double center) => Math.Abs(value);
    }

    private readonly struct SquaredDeviation : IElement
    {
        public static double Of(double value, double center)
        {
            var deviation = value - center;
            return deviation * deviation;
        }
    }
}
