namespace TherapyPlatform.Emg.Spectral;

/// <summary>Mean and median power frequency (Hz) and Dimitrov's FI_nsm5; null where undefined.</summary>
public readonly record struct SpectralMetrics(double? Mpf, double? Mdf, double? FatigueIndex)
{
    public static SpectralMetrics None => default;

    /// <summary>
    /// MPF = sum(f P) / sum(P); MDF = f of the first bin whose cumulative power reaches half the total
    /// (no interpolation); FI_nsm5 = sum(P / f) / sum(f^5 P) over the bins with f &gt; 0.
    /// Bin k has frequency k * <paramref name="binWidth"/>.
    /// </summary>
    public static SpectralMetrics FromPsd(ReadOnlySpan<double> psd, double binWidth)
    {
        var total = 0.0;
        var weighted = 0.0;
        var positivePower = 0.0;
        var momentMinus1 = 0.0;
        var moment5 = 0.0;
        for (var k = 0; k < psd.Length; k++)
        {
            var f = k * binWidth;
            var p = psd[k];
            total += p;
            weighted += f * p;
            if (f > 0)
            {
                positivePower += p;
                momentMinus1 += (1.0 / f) * p;
                moment5 += Math.Pow(f, 5) * p;
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
                    mdf = k * binWidth;
                    break;
                }
            }
        }

        double? fatigue = positivePower != 0 && moment5 != 0 ? momentMinus1 / moment5 : null;
        return new SpectralMetrics(mpf, mdf, fatigue);
    }
}
