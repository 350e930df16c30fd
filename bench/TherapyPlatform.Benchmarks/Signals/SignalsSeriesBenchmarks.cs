using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TherapyPlatform.Benchmarks.C3d;
using TherapyPlatform.C3d;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Signals;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Formats;
using TherapyPlatform.Signals.Overviews;
using TherapyPlatform.Signals.Recordings;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Benchmarks.Signals;

/// <summary>
/// The in-process work of Signals' requests for the largest GHOSTLY recording (CH1 Raw, 173,370 samples at 990 Hz):
/// min/max downsampling of the whole channel and of a 10 s window to 2000 points, decoding an overview as Redis
/// holds it, writing 2000 points as JSON, float32 pairs and CSV, and decoding the file (the cold path). The HTTP
/// figures (what the targets are about) come from bench/SignalsLoad. Without ../shared a generated
/// channel of the same length stands in.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MaxColumn]
public class SignalsSeriesBenchmarks
{
    private const double Rate = 990;
    private byte[] content = [];
    private double[] raw = [];
    private byte[] overviewBytes = [];
    private ServedSeries overview = null!;
    private SampleWindow whole;
    private readonly SampleWindow tenSeconds = new(59_400, 9_900);

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchmarkFiles.GhostlyLargest();
        content = path is null ? Generated() : File.ReadAllBytes(path);
        raw = C3dFile.Read(content).FindAnalog("CH1 Raw")!.Samples;
        whole = new SampleWindow(0, raw.Length);
        var series = MinMaxDownsampler.Downsample(raw, Rate, whole, 2000);
        overviewBytes = OverviewCodec.Encode(series, 1);
        var channel = new ChannelMetadata("CH1 Raw", SignalKinds.Raw, "CH1");
        var metadata = new SessionMetadata(Guid.NewGuid(), "hash", 1, Rate, raw.Length, raw.Length / Rate, [channel]);
        overview = new ServedSeries(metadata, new ResolvedChannel(channel, SignalKind.Raw), series, null);
    }

    [Benchmark]
    public int DownsampleWholeChannel() => MinMaxDownsampler.Downsample(raw, Rate, whole, 2000).PointCount;

    [Benchmark]
    public int DownsampleTenSecondWindow() => MinMaxDownsampler.Downsample(raw, Rate, tenSeconds, 2000).PointCount;

    [Benchmark]
    public int DecodeOverviewFromRedisBytes() => OverviewCodec.TryDecode(overviewBytes, out _, out var series) ? series!.PointCount : 0;

    [Benchmark]
    public int WriteJson()
    {
        var output = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(output);
        JsonSerializer.Serialize(writer, SeriesResponse.From(overview), SignalsJsonContext.Default.SeriesResponse);
        return output.WrittenCount;
    }

    [Benchmark]
    public int WriteOctetStream()
    {
        var output = new ArrayBufferWriter<byte>();
        BinarySeriesWriter.Write(overview.Series, output);
        return output.WrittenCount;
    }

    [Benchmark]
    public int WriteCsv()
    {
        var output = new ArrayBufferWriter<byte>();
        CsvSeriesWriter.Write(overview.Series, output);
        return output.WrittenCount;
    }

    [Benchmark]
    public long DecodeFile() => DecodedRecording.Decode("hash", content).SizeBytes;

    /// <summary>The recording's shape: four channels of 173,370 float samples at 990 Hz (30 per 33 Hz frame).</summary>
    private static byte[] Generated()
    {
        var writer = new C3dWriter { AnalogRate = Rate, PointRate = 33 };
        foreach (var label in new[] { "CH1 Raw", "CH2 Raw", "CH1 activated", "CH2 activated" })
        {
            var samples = new double[173_370];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = 1e-3 * Math.Sin(2 * Math.PI * 90 * i / Rate) * Math.Sin(i * 1e-4);
            }

            writer.AddAnalog(label, samples);
        }

        return writer.ToArray();
    }
}
