using System.Collections.Concurrent;
using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Signals.Recordings;

/// <summary>
/// The processed envelope exactly as the analysis computes it: the EMG library's <see cref="EnvelopeProcessor"/>
/// with the analytics' envelope settings, over the whole channel (a window is cut from it afterwards, so the
/// filters never see an artificial edge).
/// </summary>
internal sealed class EnvelopeCalculator
{
    private readonly EnvelopeSettings settings = AnalyticsSettings.Default.Envelope;
    private readonly ConcurrentDictionary<double, EnvelopeProcessor> processors = new();

    /// <summary>Whether a channel this long is long enough for the filters' padding and the moving average.</summary>
    public bool IsAvailable(double rate, int samples)
    {
        if (!(rate > 0) || samples <= 0)
        {
            return false;
        }

        var processor = ProcessorFor(rate);
        var padding = Math.Max(PaddingOf(processor.HighPass), PaddingOf(processor.LowPass));
        return samples > padding && samples >= processor.SmoothingWindowSamples;
    }

    public double[] Compute(ReadOnlySpan<double> raw, double rate) => ProcessorFor(rate).Compute(raw);

    private EnvelopeProcessor ProcessorFor(double rate) => processors.GetOrAdd(rate, r => new EnvelopeProcessor(r, settings));

    /// <summary>scipy's filtfilt padding, which the library's zero-phase filter uses: 3 x the number of taps.</summary>
    private static int PaddingOf(IirCoefficients? filter) => filter is null ? 0 : 3 * Math.Max(filter.A.Count, filter.B.Count);
}
