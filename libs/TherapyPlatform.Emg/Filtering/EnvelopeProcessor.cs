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

    public void Compute(ReadOnlySpan<double> raw, Span<double> envelope) => Compute(raw, envelope, [], []);

    /// <summary>
    /// The envelopes of two channels of the same length at once, with the same numbers as one at a time:
    /// their filter recursions run interleaved (see <see cref="ZeroPhaseFilter.ApplyExtended(Span{double}, Span{double})"/>).
    /// An empty second channel computes the first alone.
    /// </summary>
    public void Compute(ReadOnlySpan<double> first, Span<double> firstEnvelope, ReadOnlySpan<double> second, Span<double> secondEnvelope)
    {
        var paired = !second.IsEmpty;
        if (firstEnvelope.Length != first.Length || secondEnvelope.Length != second.Length)
        {
            throw new ArgumentException("Each envelope must have its signal's length.");
        }

        if (paired && second.Length != first.Length)
        {
            throw new ArgumentException("Both channels must have the same length.", nameof(second));
        }

        var n = first.Length;
        var pad = Math.Max(highPass?.PadLength ?? 0, lowPass?.PadLength ?? 0);
        var length = n + (2 * pad);
        var rented = ArrayPool<double>.Shared.Rent(paired ? 2 * length : length);
        try
        {
            var workFirst = rented.AsSpan(0, length);
            var workSecond = paired ? rented.AsSpan(length, length) : [];
            first.CopyTo(workFirst[pad..]);
            second.CopyTo(paired ? workSecond[pad..] : []);
            Filter(highPass, workFirst, workSecond, pad, n);
            Rectify(workFirst.Slice(pad, n));
            Rectify(paired ? workSecond.Slice(pad, n) : []);
            Filter(lowPass, workFirst, workSecond, pad, n);
            Smooth(workFirst.Slice(pad, n), firstEnvelope);
            Smooth(paired ? workSecond.Slice(pad, n) : [], secondEnvelope);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static void Filter(ZeroPhaseFilter? filter, Span<double> first, Span<double> second, int pad, int length)
    {
        if (filter is null)
        {
            return;
        }

        var start = pad - filter.PadLength;
        var extended = length + (2 * filter.PadLength);
        if (second.IsEmpty)
        {
            filter.ApplyExtended(first.Slice(start, extended));
        }
        else
        {
            filter.ApplyExtended(first.Slice(start, extended), second.Slice(start, extended));
        }
    }

    private static void Rectify(Span<double> signal)
    {
        foreach (ref var v in signal)
        {
            v = Math.Abs(v);
        }
    }

    private void Smooth(ReadOnlySpan<double> filtered, Span<double> envelope)
    {
        if (SmoothingWindowSamples > 0 && !filtered.IsEmpty)
        {
            MovingAverage.Centered(filtered, SmoothingWindowSamples, envelope);
        }
        else
        {
            filtered.CopyTo(envelope);
        }
    }
}
