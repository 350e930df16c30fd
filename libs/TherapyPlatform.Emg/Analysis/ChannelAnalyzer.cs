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

/// <summary>
/// Full analysis of one muscle on plain arrays at one sampling rate. Keeps spectral buffers and the
/// designed filters between channels: one instance per thread.
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
        var fs = SamplingRate;
        var metrics = spectral.Analyze(raw, fs);
        var temporal = TemporalStatistics.Compute(raw, fs, settings.Temporal, spectral);
        var quality = SignalGate.Check(raw, fs, settings.Gate);

        MvcThreshold mvc;
        var contractions = ContractionAnalysis.Empty();
        string? timingSource = null;
        if (quality.IsValid)
        {
            // The envelope is not part of the result (plots ask EnvelopeProcessor for it): a pooled buffer.
            var rented = ArrayPool<double>.Shared.Rent(raw.Length);
            try
            {
                var envelope = rented.AsSpan(0, raw.Length);
                Envelope.Compute(raw, envelope);
                mvc = MvcThreshold.Resolve(request.ChannelMvc, request.SessionMvc, request.MvcThresholdPercent, envelope);
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
            finally
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
        else
        {
            mvc = MvcThreshold.Resolve(request.ChannelMvc, request.SessionMvc, request.MvcThresholdPercent, []);
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
