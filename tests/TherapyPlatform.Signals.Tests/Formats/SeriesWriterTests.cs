using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using TherapyPlatform.Signals.Formats;
using TherapyPlatform.Signals.Series;
using TherapyPlatform.Signals.Tests.Support;

namespace TherapyPlatform.Signals.Tests.Formats;

public sealed class SeriesWriterTests
{
    private static readonly SignalSeries Series = MinMaxDownsampler.Downsample(
        TestRecordings.Wave(20_000, 60, 1.5e-3), TestRecordings.Rate, new SampleWindow(990, 15_000), 2000);

    [Fact]
    public void Octet_stream_is_little_endian_float32_time_value_pairs_and_nothing_else()
    {
        var output = new ArrayBufferWriter<byte>();

        BinarySeriesWriter.Write(Series, output);

        var bytes = output.WrittenSpan;
        Assert.Equal(BinarySeriesWriter.LengthOf(Series), bytes.Length);
        Assert.Equal(Series.PointCount * 8, bytes.Length);
        for (var point = 0; point < Series.PointCount; point++)
        {
            Assert.Equal((float)Series.TimeOf(point), BinaryPrimitives.ReadSingleLittleEndian(bytes[(point * 8)..]));
            Assert.Equal((float)Series.Values[point], BinaryPrimitives.ReadSingleLittleEndian(bytes[((point * 8) + 4)..]));
        }
    }

    [Fact]
    public void Octet_stream_of_more_points_than_one_chunk_is_complete()
    {
        var samples = TestRecordings.Wave(10_000, 60, 1);
        var whole = MinMaxDownsampler.Downsample(samples, TestRecordings.Rate, new SampleWindow(0, samples.Length), 10_000);
        var output = new ArrayBufferWriter<byte>();

        BinarySeriesWriter.Write(whole, output);

        Assert.Equal(80_000, output.WrittenCount);
        Assert.Equal((float)samples[^1], BinaryPrimitives.ReadSingleLittleEndian(output.WrittenSpan[^4..]));
    }

    [Fact]
    public void Csv_has_a_header_and_round_trips_the_exact_doubles()
    {
        var output = new ArrayBufferWriter<byte>();

        CsvSeriesWriter.Write(Series, output);

        var lines = Encoding.UTF8.GetString(output.WrittenSpan).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time_s,value", lines[0]);
        Assert.Equal(Series.PointCount, lines.Length - 1);
        for (var point = 0; point < Series.PointCount; point++)
        {
            var fields = lines[point + 1].Split(',');
            Assert.Equal(Series.TimeOf(point), double.Parse(fields[0], CultureInfo.InvariantCulture));
            Assert.Equal(Series.Values[point], double.Parse(fields[1], CultureInfo.InvariantCulture));
        }
    }
}
