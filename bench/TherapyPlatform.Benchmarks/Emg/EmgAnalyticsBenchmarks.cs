using BenchmarkDotNet.Attributes;
using TherapyPlatform.Benchmarks.C3d;
using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Emg.Contractions;
using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Emg.Spectral;
using TherapyPlatform.Emg.Temporal;

namespace TherapyPlatform.Benchmarks.Emg;

/// <summary>
/// Full EMG analytics of the largest GHOSTLY recording (2 muscles x 173,370 samples at 990 Hz, with their
/// activation channels), already parsed, on one thread; and its stages on CH1. Goal: the full analysis in at
/// most 30 ms. Without ../shared a generated recording of the same shape is used.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MaxColumn]
public class EmgAnalyticsBenchmarks
{
    private C3dFile file = null!;
    private double[] raw = [];
    private double[] activated = [];
    private double[] envelope = [];
    private EnvelopeProcessor processor = null!;
    private SpectralAnalyzer spectral = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchmarkFiles.GhostlyLargest();
        file = C3dFile.Read(path is null ? GeneratedSession() : File.ReadAllBytes(path));
        raw = file.FindAnalog("CH1 Raw")!.Samples;
        activated = file.FindAnalog("CH1 activated")!.Samples;
        processor = new EnvelopeProcessor(file.AnalogRate);
        spectral = new SpectralAnalyzer();
        envelope = processor.Compute(raw);
    }

    [Benchmark(Baseline = true, Description = "full analytics, 2 muscles")]
    public SessionAnalysis FullAnalytics() => EmgAnalyzer.Analyze(file);

    [Benchmark(Description = "CH1 envelope (HP, rectify, LP, moving average)")]
    public double[] Envelope()
    {
        processor.Compute(raw, envelope);
        return envelope;
    }

    [Benchmark(Description = "CH1 whole-signal Welch MPF/MDF/FI")]
    public SpectralMetrics WholeSignalSpectrum() => spectral.Analyze(raw, file.AnalogRate);

    [Benchmark(Description = "CH1 temporal statistics (1 s windows)")]
    public TemporalStatistics Temporal() => TemporalStatistics.Compute(raw, file.AnalogRate, new TemporalSettings(), spectral);

    [Benchmark(Description = "CH1 contraction detection")]
    public ContractionAnalysis Contractions() => ContractionDetector.Detect(envelope, activated, file.AnalogRate, new ContractionDetectionOptions
    {
        ThresholdFactor = 0.05,
        MvcThreshold = 1e-4,
        DurationThresholdMs = 2000,
    });

    /// <summary>The shape of the GHOSTLY file: 5,779 frames of 30 samples, 80-120 Hz bursts every 6 s.</summary>
    private static byte[] GeneratedSession()
    {
        const int samples = 173_370;
        var writer = new C3dWriter { AnalogRate = 990, PointRate = 33 };
        for (var channel = 1; channel <= 2; channel++)
        {
            var emg = new double[samples];
            var steps = new double[samples];
            for (var i = 0; i < samples; i++)
            {
                var inBurst = i % 5940 is > 990 and < 3960;
                emg[i] = (inBurst ? 1e-3 : 2e-5) * Math.Sin(2 * Math.PI * (80 + (20 * channel)) * i / 990);
                steps[i] = inBurst ? 2e-4 : 0;
            }

            writer.AddAnalog($"CH{channel} Raw", emg).AddAnalog($"CH{channel} activated", steps);
        }

        return writer.ToArray();
    }
}
