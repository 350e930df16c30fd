using TherapyPlatform.Emg.Amplitude;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Emg.Spectral;

namespace TherapyPlatform.Emg.Temporal;

/// <summary>
/// RMS, MAV, MPF, MDF and FI_nsm5 over overlapping windows of the raw signal: windows of
/// int(window_ms/1000 * fs) samples, step int(window * (1 - overlap)), starting at 0, step, ... while the
/// window fits.
/// </summary>
public sealed record TemporalStatistics(
    int WindowSamples,
    int StepSamples,
    int Windows,
    MetricStatistics Rms,
    MetricStatistics Mav,
    MetricStatistics Mpf,
    MetricStatistics Mdf,
    MetricStatistics FatigueIndexFiNsm5)
{
    public static TemporalStatistics Compute(
        ReadOnlySpan<double> signal,
        double samplingRate,
        TemporalSettings settings,
        SpectralAnalyzer spectral)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spectral);
        var window = (int)(settings.WindowMs / 1000.0 * samplingRate);
        var step = Math.Max(1, (int)(window * (1 - (settings.OverlapPercent / 100.0))));
        var count = window > 1 && signal.Length >= window ? ((signal.Length - window) / step) + 1 : 0;

        var rms = new double?[count];
        var mav = new double?[count];
        var mpf = new double?[count];
        var mdf = new double?[count];
        var fatigue = new double?[count];
        for (var w = 0; w < count; w++)
        {
            var segment = signal.Slice(w * step, window);
            rms[w] = SignalStatistics.Rms(segment);
            mav[w] = SignalStatistics.Mav(segment);
            var metrics = spectral.Analyze(segment, samplingRate);
            mpf[w] = metrics.Mpf;
            mdf[w] = metrics.Mdf;
            fatigue[w] = metrics.FatigueIndex;
        }

        var minValid = settings.MinValidWindows;
        return new TemporalStatistics(
            window,
            step,
            count,
            MetricStatistics.Of(rms, minValid),
            MetricStatistics.Of(mav, minValid),
            MetricStatistics.Of(mpf, minValid),
            MetricStatistics.Of(mdf, minValid),
            MetricStatistics.Of(fatigue, minValid));
    }
}
