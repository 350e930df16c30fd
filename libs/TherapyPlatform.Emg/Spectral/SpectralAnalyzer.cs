using TherapyPlatform.Emg.Amplitude;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Emg.Spectral;

/// <summary>
/// Spectral metrics of a signal from its Welch PSD; none when the signal is shorter than one segment or
/// (nearly) constant. Keeps its buffers between calls: one instance per thread.
/// </summary>
public sealed class SpectralAnalyzer
{
    private readonly SpectralSettings settings;
    private readonly WelchPsd welch;
    private readonly double[] psd;
    private SpectralBins? bins;

    public SpectralAnalyzer(SpectralSettings? settings = null)
    {
        this.settings = settings ?? new SpectralSettings();
        welch = new WelchPsd(this.settings.SegmentLength);
        psd = new double[welch.Bins];
    }

    public SpectralMetrics Analyze(ReadOnlySpan<double> signal, double samplingRate)
    {
        if (signal.Length < welch.SegmentLength || SignalStatistics.PopulationStd(signal) < settings.MinStandardDeviation)
        {
            return SpectralMetrics.None;
        }

        welch.Compute(signal, samplingRate, psd);
        var width = welch.BinWidth(samplingRate);
        if (bins is null || bins.Width != width)
        {
            bins = new SpectralBins(welch.Bins, width);
        }

        return SpectralMetrics.FromPsd(psd, bins);
    }
}
