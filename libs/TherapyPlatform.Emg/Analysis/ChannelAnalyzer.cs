using System.Buffers;
using TherapyPlatform.Emg.Amplitude;
using TherapyPlatform.Emg.Contractions;
using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.Emg.Mvc;
using TherapyPlatform.Emg.Quality;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Emg.Spectral;
using TherapyPlatform.Emg.Temporal;

namespace TherapyPlatform.Emg.Analysis;

/// <summary>What the analysis of one muscle needs besides its samples.</summary>
public sealed record ChannelRequest(
    string RawLabel,
    string? ActivatedLabel,
    double? ChannelMvc,
    double? SessionMvc,
    double MvcThresholdPercent,
    double DurationThresholdMs);

/// <summary>One muscle's samples: the raw EMG and, when the file has it, the activation channel (else empty).</summary>
public sealed record ChannelInput(ReadOnlyMemory<double> Raw, ReadOnlyMemory<double> Activated, ChannelRequest Request);

/// <summary>
/// Full analysis of muscles on plain arrays at one sampling rate. Keeps spectral buffers and the designed
/// filters between channels: one instance per thread.
/// </summary>
public sealed class ChannelAnalyzer
{
    public const string EnvelopeTimingSource = "envelope";

    private readonly AnalyticsSettings settings;
    private readonly SpectralAnalyzer spectral;

    public ChannelAnalyzer(double samplingRate, AnalyticsSettings? settings = null)
    {
        this.settings = settings ?? AnalyticsSettings.Default;
        SamplingRate = samplingRate;
        spectral = new SpectralAnalyzer(this.settings.Spectral);
        Envelope = new EnvelopeProcessor(samplingRate, this.settings.Envelope);
    }

    public double SamplingRate { get; }

    public EnvelopeProcessor Envelope { get; }

    /// <summary>Analyses a raw channel, with the activated channel as timing signal when it is not empty.</summary>
    public ChannelAnalysis Analyze(ReadOnlySpan<double> raw, ReadOnlySpan<double> activated, ChannelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var quality = SignalGate.Check(raw, SamplingRate, settings.Gate);
        if (!quality.IsValid)
        {
            return Build(raw, activated, request, quality, []);
        }

        var rented = ArrayPool<double>.Shared.Rent(raw.Length);
        try
        {
            var envelope = rented.AsSpan(0, raw.Length);
            Envelope.Compute(raw, envelope);
            return Build(raw, activated, request, quality, envelope);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Analyses several muscles, in order. Channels that pass the gate have their envelopes computed two at a
    /// time (interleaved filters, same numbers); the envelopes are pooled buffers, not part of the result.
    /// </summary>
    public IReadOnlyList<ChannelAnalysis> AnalyzeAll(IReadOnlyList<ChannelInput> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var results = new ChannelAnalysis[channels.Count];
        int? waiting = null;
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            var quality = SignalGate.Check(channel.Raw.Span, SamplingRate, settings.Gate);
            if (!quality.IsValid)
            {
                results[i] = Build(channel.Raw.Span, channel.Activated.Span, channel.Request, quality, []);
            }
            else if (waiting is { } partner && channels[partner].Raw.Length == channel.Raw.Length)
            {
                AnalyzePair(channels[partner], channel, quality, out results[partner], out results[i]);
                waiting = null;
            }
            else
            {
                if (waiting is { } alone)
                {
                    results[alone] = Analyze(channels[alone].Raw.Span, channels[alone].Activated.Span, channels[alone].Request);
                }

                waiting = i;
            }
        }

        if (waiting is { } last)
        {
            results[last] = Analyze(channels[last].Raw.Span, channels[last].Activated.Span, channels[last].Request);
        }

        return results;
    }

    private void AnalyzePair(ChannelInput first, ChannelInput second, SignalQuality ok, out ChannelAnalysis firstResult, out ChannelAnalysis secondResult)
    {
        var n = first.Raw.Length;
        var rented = ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            var firstEnvelope = rented.AsSpan(0, n);
            var secondEnvelope = rented.AsSpan(n, n);
            Envelope.Compute(first.Raw.Span, firstEnvelope, second.Raw.Span, secondEnvelope);
            firstResult = Build(first.Raw.Span, first.Activated.Span, first.Request, ok, firstEnvelope);
            secondResult = Build(second.Raw.Span, second.Activated.Span, second.Request, ok, secondEnvelope);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Everything but the envelope, which is given (empty when the channel failed the gate).</summary>
    private ChannelAnalysis Build(
        ReadOnlySpan<double> raw,
        ReadOnlySpan<double> activated,
        ChannelRequest request,
        SignalQuality quality,
        ReadOnlySpan<double> envelope)
    {
        var fs = SamplingRate;
        var metrics = spectral.Analyze(raw, fs);
        var temporal = TemporalStatistics.Compute(raw, fs, settings.Temporal, spectral);
        var mvc = MvcThreshold.Resolve(request.ChannelMvc, request.SessionMvc, request.MvcThresholdPercent, envelope);
        var contractions = ContractionAnalysis.Empty();
        string? timingSource = null;
        if (quality.IsValid)
        {
            var useActivated = !activated.IsEmpty;
            var detection = settings.Contractions;
            var options = new ContractionDetectionOptions
            {
                ThresholdFactor = useActivated ? detection.ActivatedThresholdFactor : detection.EnvelopeThresholdFactor,
                MinDurationMs = detection.MinDurationMs,
                SmoothingWindowSamples = detection.SmoothingWindowSamples,
                MergeThresholdMs = detection.MergeThresholdMs,
                RefractoryPeriodMs = detection.RefractoryPeriodMs,
                MaxContractionMs = detection.MaxContractionMs,
                MvcThreshold = mvc.Threshold,
                DurationThresholdMs = request.DurationThresholdMs,
            };
            contractions = ContractionDetector.Detect(envelope, useActivated ? activated : envelope, fs, options);
            timingSource = useActivated ? request.ActivatedLabel ?? "activated" : EnvelopeTimingSource;
        }

        return new ChannelAnalysis(contractions)
        {
            RawLabel = request.RawLabel,
            ActivatedLabel = request.ActivatedLabel,
            N = raw.Length,
            Rms = SignalStatistics.Rms(raw),
            Mav = SignalStatistics.Mav(raw),
            Mpf = metrics.Mpf,
            Mdf = metrics.Mdf,
            FatigueIndexFiNsm5 = metrics.FatigueIndex,
            Temporal = temporal,
            SignalValid = quality.IsValid,
            SignalMessage = quality.Message,
            Mvc = mvc,
            Mvc75Threshold = mvc.Threshold,
            DurationThresholdActualValue = request.DurationThresholdMs,
            TimingSource = timingSource,
        };
    }
}
