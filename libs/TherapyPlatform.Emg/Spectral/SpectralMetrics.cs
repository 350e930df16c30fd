namespace TherapyPlatform.Emg.Spectral;

/// <summary>Mean and median power frequency (Hz) and Dimitrov's FI_nsm5; null where undefined.</summary>
public readonly record struct SpectralMetrics(double? Mpf, double? Mdf, double? FatigueIndex)
{
    public static SpectralMetrics None => default;

    /// <summary>
    /// MPF = sum(f P) / sum(P); MDF = f of the first bin whose cumulative power reaches half the total
    /// (no interpolation); FI_nsm5 = sum(P / f) / sum(f^5 P) over the bins with f &gt; 0.
    /// </summary>
    public static SpectralMetrics FromPsd(ReadOnlySpan<double> psd, SpectralBins bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (psd.Length != bins.Count)
        {
            throw new ArgumentException($"Expected {bins.Count} bins.", nameof(psd));
        }

        var frequency = bins.Frequency;
        var reciprocal = bins.Reciprocal;
        var fifthPower = bins.FifthPower;
        var total = 0.0;
        var weighted = 0.0;
        var positivePower = 0.0;
        var momentMinus1 = 0.0;
        var moment5 = 0.0;
        for (var k = 0; k < psd.Length; k++)
        {
            var p = psd[k];
            total += p;
            weighted += frequency[k] * p;
            if (frequency[k] > 0)
            {
                positivePower += p;
                momentMinus1 += reciprocal[k] * p;
                moment5 += fifthPower[k] * p;
            }
        }

        double? mpf = null;
        double? mdf = null;
        if (total != 0)
        {
            mpf = weighted / total;
            var half = total * 0.5;
            var cumulative = 0.0;
            for (var k = 0; k < psd.Length; k++)
            {
                cumulative += psd[k];
                if (cumulative >= half)
                {
                    mdf = frequency[k];
                    break;
                }
            }
        }

        double? fatigue = positivePower != 0 && moment5 != 0 ? momentMinus1 / moment5 : null;
        return new SpectralMetrics(mpf, mdf, fatigue);
    }
}

/// <summary>The bin frequencies f_k = k * width of a one-sided spectrum, with f^-1 and f^5 computed once.</summary>
public sealed class SpectralBins
{
    private readonly double[] frequency;
    private readonly double[] reciprocal;
    private readonly double[] fifthPower;

    public SpectralBins(int count, double width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Count = count;
        Width = width;
        var frequency = new double[count];
        var reciprocal = new double[count];
        var fifthPower = new double[count];
        for (var k = 0; k < count; k++)
        {
            frequency[k] = k * width;
            reciprocal[k] = 1.0 / frequency[k];
            fifthPower[k] = Math.Pow(frequency[k], 5);
        }

        this.frequency = frequency;
        this.reciprocal = reciprocal;
        this.fifthPower = fifthPower;
    }

    public int Count { get; }

    public double Width { get; }

    public ReadOnlySpan<double> Frequency => frequency;

    public ReadOnlySpan<double> Reciprocal => reciprocal;

    public ReadOnlySpan<double> FifthPower => fifthPower;
}
