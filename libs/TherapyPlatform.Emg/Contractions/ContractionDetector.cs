using System.Buffers;
using TherapyPlatform.Emg.Amplitude;
using TherapyPlatform.Emg.Filtering;

namespace TherapyPlatform.Emg.Contractions;

/// <summary>
/// Threshold-based contraction detection of the reference analyzer. The timing signal (the game's
/// activated channel, or the envelope itself) is rectified and smoothed; samples strictly above
/// factor * max(smoothed) are active. Active runs [s, e) become contractions (s, e), a run reaching the
/// last sample ending at N-1; runs shorter than the minimum are dropped (and, with a refractory period,
/// runs starting too soon after the previous kept one); runs separated by at most the merge gap are
/// merged; runs longer than the maximum are split. Amplitudes come from the rectified amplitude signal
/// over [start, end] inclusive.
/// </summary>
public static class ContractionDetector
{
    /// <summary>Detection on a single signal used for both timing and amplitude.</summary>
    public static ContractionAnalysis Detect(ReadOnlySpan<double> signal, double samplingRate, ContractionDetectionOptions options) =>
        Detect(signal, signal, samplingRate, options);

    public static ContractionAnalysis Detect(
        ReadOnlySpan<double> amplitude,
        ReadOnlySpan<double> timing,
        double samplingRate,
        ContractionDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var window = options.SmoothingWindowSamples;
        if (window <= 0 || timing.Length < window || amplitude.Length < window)
        {
            return ContractionAnalysis.Empty();
        }

        var rented = ArrayPool<double>.Shared.Rent(timing.Length);
        List<(int Start, int End)> runs;
        double threshold;
        try
        {
            var smoothed = rented.AsSpan(0, timing.Length);
            MovingAverage.Centered(timing, window, smoothed, rectify: true);
            var max = double.NegativeInfinity;
            foreach (var v in smoothed)
            {
                max = Math.Max(max, v);
            }

            if (max < 1e-9)
            {
                return ContractionAnalysis.Empty();
            }

            threshold = max * options.ThresholdFactor;
            runs = ActiveRuns(smoothed, threshold);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        var kept = Split(Merge(Keep(runs, samplingRate, options), samplingRate, options), samplingRate, options);
        return ContractionAnalysis.Summarize(Measure(kept, amplitude, samplingRate, options), threshold);
    }

    /// <summary>int(ms / 1000 * fs), the reference's conversion (truncation toward zero).</summary>
    public static int Samples(double milliseconds, double samplingRate) => (int)(milliseconds / 1000 * samplingRate);

    private static List<(int Start, int End)> ActiveRuns(ReadOnlySpan<double> smoothed, double threshold)
    {
        var runs = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i < smoothed.Length; i++)
        {
            var active = smoothed[i] > threshold;
            if (active && start < 0)
            {
                start = i;
            }
            else if (!active && start >= 0)
            {
                runs.Add((start, i));
                start = -1;
            }
        }

        if (start >= 0)
        {
            runs.Add((start, smoothed.Length - 1));
        }

        return runs;
    }

    /// <summary>
    /// Minimum duration, then the refractory period measured from the last kept run (from sample 0 when
    /// none is kept yet, for every run but the first detected).
    /// </summary>
    private static List<(int Start, int End)> Keep(List<(int Start, int End)> runs, double samplingRate, ContractionDetectionOptions options)
    {
        var minimum = Samples(options.MinDurationMs, samplingRate);
        var refractory = Samples(options.RefractoryPeriodMs, samplingRate);
        var kept = new List<(int, int)>(runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var (start, end) = runs[i];
            if (end - start < minimum)
            {
                continue;
            }

            if (refractory > 0 && i > 0)
            {
                var lastEnd = kept.Count > 0 ? kept[^1].Item2 : 0;
                if (start - lastEnd < refractory)
                {
                    continue;
                }
            }

            kept.Add((start, end));
        }

        return kept;
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> runs, double samplingRate, ContractionDetectionOptions options)
    {
        var gap = Samples(options.MergeThresholdMs, samplingRate);
        if (gap <= 0 || runs.Count == 0)
        {
            return runs;
        }

        var merged = new List<(int Start, int End)>(runs.Count) { runs[0] };
        foreach (var (start, end) in runs.Skip(1))
        {
            if (start - merged[^1].End <= gap)
            {
                merged[^1] = (merged[^1].Start, end);
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    /// <summary>Pieces (s, min(s + M, end)); the next starts max(1, refractory) samples after the previous end.</summary>
    private static List<(int Start, int End)> Split(List<(int Start, int End)> runs, double samplingRate, ContractionDetectionOptions options)
    {
        var longest = Samples(options.MaxContractionMs, samplingRate);
        var gap = Math.Max(1, Samples(options.RefractoryPeriodMs, samplingRate));
        var pieces = new List<(int, int)>(runs.Count);
        foreach (var (start, end) in runs)
        {
            if (end - start <= longest)
            {
                pieces.Add((start, end));
                continue;
            }

            var pieceStart = start;
            while (pieceStart < end)
            {
                var pieceEnd = Math.Min(pieceStart + longest, end);
                pieces.Add((pieceStart, pieceEnd));
                pieceStart = pieceEnd + gap;
            }
        }

        return pieces;
    }

    private static List<Contraction> Measure(
        List<(int Start, int End)> runs,
        ReadOnlySpan<double> amplitude,
        double samplingRate,
        ContractionDetectionOptions options)
    {
        var contractions = new List<Contraction>(runs.Count);
        foreach (var (start, end) in runs)
        {
            var last = Math.Min(end, amplitude.Length - 1);
            if (start > last)
            {
                continue;
            }

            var segment = amplitude[start..(last + 1)];
            var max = double.NegativeInfinity;
            foreach (var v in segment)
            {
                max = Math.Max(max, Math.Abs(v));
            }

            var durationMs = (end - start) / samplingRate * 1000;
            var meetsMvc = options.MvcThreshold is { } mvc && max >= mvc;
            var meetsDuration = options.DurationThresholdMs is { } minimum && durationMs >= minimum;
            var isGood = (options.MvcThreshold, options.DurationThresholdMs) switch
            {
                (not null, not null) => meetsMvc && meetsDuration,
                (not null, null) => meetsMvc,
                (null, not null) => meetsDuration,
                _ => false,
            };

            contractions.Add(new Contraction(
                start,
                end,
                end - start,
                start / samplingRate * 1000,
                end / samplingRate * 1000,
                durationMs,
                SignalStatistics.Mav(segment),
                max,
                meetsMvc,
                meetsDuration,
                isGood));
        }

        return contractions;
    }
}
