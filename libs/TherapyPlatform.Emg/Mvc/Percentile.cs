using System.Buffers;

namespace TherapyPlatform.Emg.Mvc;

/// <summary>
/// numpy.percentile with its default 'linear' method: virtual index h = (n - 1) * q, then
/// numpy's lerp between the order statistics floor(h) and floor(h) + 1. The two order statistics are
/// found by selection (O(n)) instead of a full sort.
/// </summary>
public static class Percentile
{
    public static double Linear(ReadOnlySpan<double> values, double percent)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var n = values.Length;
        var virtualIndex = (n - 1) * (percent / 100);
        var previous = Math.Floor(virtualIndex);
        var gamma = virtualIndex - previous;
        var lowerIndex = (int)previous;
        var upperIndex = Math.Min(lowerIndex + 1, n - 1);

        var rented = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var work = rented.AsSpan(0, n);
            values.CopyTo(work);
            var lower = Select(work, lowerIndex);
            var upper = lower;
            if (upperIndex != lowerIndex)
            {
                // After selection every element right of lowerIndex is >= lower: the next order statistic is their minimum.
                upper = double.PositiveInfinity;
                foreach (var v in work[(lowerIndex + 1)..])
                {
                    upper = Math.Min(upper, v);
                }
            }

            var difference = upper - lower;
            return gamma >= 0.5 ? upper - (difference * (1 - gamma)) : lower + (difference * gamma);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Quickselect (median-of-three, Hoare partition): leaves the k-th smallest at k, smaller left, larger right.</summary>
    private static double Select(Span<double> data, int k)
    {
        var left = 0;
        var right = data.Length - 1;
        while (right > left)
        {
            var middle = left + ((right - left) / 2);
            if (data[middle] < data[left])
            {
                (data[middle], data[left]) = (data[left], data[middle]);
            }

            if (data[right] < data[left])
            {
                (data[right], data[left]) = (data[left], data[right]);
            }

            if (data[right] < data[middle])
            {
                (data[right], data[middle]) = (data[middle], data[right]);
            }

            var pivot = data[middle];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (data[i] < pivot)
                {
                    i++;
                }

                while (data[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (data[i], data[j]) = (data[j], data[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return data[k];
            }
        }

        return data[k];
    }
}
