using System.Buffers.Binary;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Overviews;

/// <summary>
/// The Redis form of an overview series: the analysis request it belongs to (big-endian, first, so Redis can compare
/// versions without decoding), then the series' facts and its points as sample indices and values (little-endian).
/// Indices rather than times keep the time axis exact: 2000 points cost 24 KB, a third of their JSON.
/// </summary>
internal static class OverviewCodec
{
    public const byte FormatVersion = 1;

    // request(4) version(1) rate(8) total(4) first(4) count(4) buckets(4) points(4)
    private const int HeaderSize = 33;

    public static byte[] Encode(SignalSeries series, int requestNumber)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.PointCount;
        var bytes = new byte[HeaderSize + (points * (sizeof(int) + sizeof(double)))];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, requestNumber);
        span[4] = FormatVersion;
        BinaryPrimitives.WriteDoubleLittleEndian(span[5..], series.SamplingRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[13..], series.TotalSamples);
        BinaryPrimitives.WriteInt32LittleEndian(span[17..], series.Window.First);
        BinaryPrimitives.WriteInt32LittleEndian(span[21..], series.Window.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[25..], series.Buckets);
        BinaryPrimitives.WriteInt32LittleEndian(span[29..], points);
        var body = span[HeaderSize..];
        for (var i = 0; i < points; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(body[(i * sizeof(int))..], series.SampleIndices[i]);
            BinaryPrimitives.WriteDoubleLittleEndian(body[((points * sizeof(int)) + (i * sizeof(double)))..], series.Values[i]);
        }

        return bytes;
    }

    /// <summary>The series, or false for anything that is not a whole, consistent overview of this format.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out int requestNumber, out SignalSeries? series)
    {
        requestNumber = 0;
        series = null;
        if (bytes.Length < HeaderSize || bytes[4] != FormatVersion)
        {
            return false;
        }

        requestNumber = BinaryPrimitives.ReadInt32BigEndian(bytes);
        var rate = BinaryPrimitives.ReadDoubleLittleEndian(bytes[5..]);
        var total = BinaryPrimitives.ReadInt32LittleEndian(bytes[13..]);
        var window = new SampleWindow(BinaryPrimitives.ReadInt32LittleEndian(bytes[17..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[21..]));
        var buckets = BinaryPrimitives.ReadInt32LittleEndian(bytes[25..]);
        var points = BinaryPrimitives.ReadInt32LittleEndian(bytes[29..]);
        if (!(rate > 0) || window.First < 0 || window.Count <= 0 || window.End > total || buckets < 0
            || points <= 0 || points > window.Count || bytes.Length != HeaderSize + ((long)points * (sizeof(int) + sizeof(double))))
        {
            return false;
        }

        var body = bytes[HeaderSize..];
        var indices = new int[points];
        var values = new double[points];
        for (var i = 0; i < points; i++)
        {
            indices[i] = BinaryPrimitives.ReadInt32LittleEndian(body[(i * sizeof(int))..]);
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(body[((points * sizeof(int)) + (i * sizeof(double)))..]);
        }

        series = new SignalSeries(rate, total, window, buckets, indices, values);
        return true;
    }
}
