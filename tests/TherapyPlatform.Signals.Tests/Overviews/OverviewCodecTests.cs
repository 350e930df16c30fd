using System.Buffers.Binary;
using TherapyPlatform.Signals.Overviews;
using TherapyPlatform.Signals.Series;
using TherapyPlatform.Signals.Tests.Support;

namespace TherapyPlatform.Signals.Tests.Overviews;

public sealed class OverviewCodecTests
{
    private static readonly SignalSeries Overview = MinMaxDownsampler.Downsample(
        TestRecordings.Wave(173_370, 60, 1e-3), TestRecordings.Rate, new SampleWindow(0, 173_370), 2000);

    [Fact]
    public void An_overview_round_trips_exactly_with_its_request_number_first_and_big_endian()
    {
        var bytes = OverviewCodec.Encode(Overview, 7);

        Assert.Equal(7, BinaryPrimitives.ReadInt32BigEndian(bytes));
        Assert.True(OverviewCodec.TryDecode(bytes, out var requestNumber, out var decoded));
        Assert.Equal(7, requestNumber);
        Assert.Equal((Overview.SamplingRate, Overview.TotalSamples, Overview.Window, Overview.Buckets),
            (decoded!.SamplingRate, decoded.TotalSamples, decoded.Window, decoded.Buckets));
        Assert.Equal(Overview.SampleIndices, decoded.SampleIndices);
        Assert.Equal(Overview.Values, decoded.Values);
    }

    [Fact]
    public void Two_thousand_points_take_24_kilobytes()
    {
        Assert.InRange(OverviewCodec.Encode(Overview, 1).Length, 2000 * 12, (2000 * 12) + 64);
    }

    [Fact]
    public void Truncated_foreign_or_inconsistent_values_are_not_overviews()
    {
        var bytes = OverviewCodec.Encode(Overview, 1);
        var otherVersion = (byte[])bytes.Clone();
        otherVersion[4] = 99;
        var windowPastTheEnd = (byte[])bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(windowPastTheEnd.AsSpan(17), 1);

        Assert.False(OverviewCodec.TryDecode(bytes.AsSpan(0, bytes.Length - 1), out _, out _));
        Assert.False(OverviewCodec.TryDecode(otherVersion, out _, out _));
        Assert.False(OverviewCodec.TryDecode(windowPastTheEnd, out _, out _));
        Assert.False(OverviewCodec.TryDecode("{\"json\":true}"u8, out _, out _));
    }
}
