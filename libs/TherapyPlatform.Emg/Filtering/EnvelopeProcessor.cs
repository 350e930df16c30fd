using System.Buffers;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Emg.Filtering;

/// <summary>
/// The processed EMG envelope of the reference: Butterworth high-pass, full-wave rectification,
/// Butterworth low-pass (both zero-phase as scipy's filtfilt), then a centred moving average of
/// int(smoothing_ms / 1000 * fs) samples. A filter whose cutoff is not below Nyquist is skipped, as the
/// reference does. This is the one envelope of the platform: contractions, MVC and plots all use it.
/// Thread-safe (no mutable state).
/// </summary>
public sealed class EnvelopeProcessor
{
    private readonly ZeroPhaseFilter? highPass;
    private readonly ZeroPhaseFilter? lowPass;

    public EnvelopeProcessor(double samplingRate, EnvelopeSettings? settings = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplingRate);
        settings ??= new EnvelopeSettings();
        SamplingRate = samplingRate;
        HighPass = Butterworth.Design(settings.FilterOrder, settings.HighPassHz, samplingRate, FilterKind.HighPass);
        LowPass = Butterworth.Design(settings.FilterOrder, settings.LowPassHz, samplingRate, FilterKind.LowPass);
        highPass = HighPass is null ? null : new ZeroPhaseFilter(HighPass);
        lowPass = LowPass is null ? null : new ZeroPhaseFilter(LowPass);
        SmoothingWindowSamples = (int)(settings.SmoothingMs / 1000.0 * samplingRate);
    }

    public double SamplingRate { get; }

    /// <summary>High-pass design, null when skipped.</summary>
    public IirCoefficients? HighPass { get; }

    /// <summary>Low-pass design, null when skipped.</summary>
    public IirCoefficients? LowPass { get; }

    /// <summary>Moving-average length; no smoothing when 0.</summary>
    public int SmoothingWindowSamples { get; }

    /// <summary>The envelope of a raw channel (same length). Needs more samples than the filter padding.</summary>
    public static double[] Compute(ReadOnlySpan<double> raw, double samplingRate, EnvelopeSettings? settings = null) =>
        new EnvelopeProcessor(samplingRate, settings).Compute(raw);

    public double[] Compute(ReadOnlySpan<double> raw)
    {
        var envelope = new double[raw.Length];
        Compute(raw, envelope);
        return envelope;
    }

    public void Compute(ReadOnlySpan<double> raw, Span<double> envelope)
    {
        if (envelope.Length != raw.Length)
        {
            throw new ArgumentException("The envelope must have the signal's length.", nameof(envelope));
        }

        var pad = Math.Max(highPass?.PadLength ?? 0, lowPass?.PadLength ?? 0);
        var rented = ArrayPool<double>.Shared.Rent(raw.Length + (2 * pad));
        try
        {
            var work = rented.AsSpan(0, raw.Length + (2 * pad));
            var signal = work.Slice(pad, raw.Length);
            raw.CopyTo(signal);
            Filter(highPass, work, pad, raw.Length);
            foreach (ref var v in signal)
            {
                v = Math.Abs(v);
            }

            Filter(lowPass, work, pad, raw.Length);
            if (SmoothingWindowSamples > 0)
            {
                MovingAverage.Centered(signal, SmoothingWindowSamples, envelope);
            }
            else
            {
                signal.CopyTo(envelope);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static void Filter(ZeroPhaseFilter? filter, Span<double> work, int pad, int length)
    {
        if (filter is not null)
        {
            filter.ApplyExtended(work.Slice(pad - filter.PadLength, length + (2 * filter.PadLength)));
        }
    }
}
