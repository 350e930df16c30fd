using System.Buffers;
using System.Buffers.Binary;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Formats;

/// <summary>
/// <c>application/octet-stream</c>: per point a little-endian float32 time (seconds) then a float32 value, nothing
/// else, so a plot can map the body straight into a Float32Array. The series' facts travel in headers.
/// </summary>
internal static class BinarySeriesWriter
{
    public const int BytesPerPoint = 2 * sizeof(float);

    /// <summary>Points written per buffer request, so a full-resolution export never asks for one huge buffer.</summary>
    private const int PointsPerChunk = 4096;

    public static long LengthOf(SignalSeries series) => (long)series.PointCount * BytesPerPoint;

    public static void Write(SignalSeries series, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(output);
        for (var start = 0; start < series.PointCount; start += PointsPerChunk)
        {
            var count = Math.Min(PointsPerChunk, series.PointCount - start);
            var chunk = output.GetSpan(count * BytesPerPoint);
            for (var i = 0; i < count; i++)
            {
                var pair = chunk.Slice(i * BytesPerPoint, BytesPerPoint);
                BinaryPrimitives.WriteSingleLittleEndian(pair, (float)series.TimeOf(start + i));
                BinaryPrimitives.WriteSingleLittleEndian(pair[sizeof(float)..], (float)series.Values[start + i]);
            }

            output.Advance(count * BytesPerPoint);
        }
    }
}
