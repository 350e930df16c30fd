using System.Buffers;
using System.Globalization;
using System.Text;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Formats;

/// <summary>
/// <c>text/csv</c> for export: a <c>time_s,value</c> header, then one line per point with invariant-culture,
/// round-trip numbers (the same doubles the JSON form carries).
/// </summary>
internal static class CsvSeriesWriter
{
    public const string Header = "time_s,value\n";

    /// <summary>Room for two round-trip doubles, a comma and a newline.</summary>
    private const int MaxLineBytes = 64;

    public static void Write(SignalSeries series, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Encoding.ASCII.GetBytes(Header));
        for (var point = 0; point < series.PointCount; point++)
        {
            var line = output.GetSpan(MaxLineBytes);
            var length = Append(line, series.TimeOf(point));
            line[length++] = (byte)',';
            length += Append(line[length..], series.Values[point]);
            line[length++] = (byte)'\n';
            output.Advance(length);
        }
    }

    private static int Append(Span<byte> destination, double value) =>
        value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException($"{value} does not fit a CSV field.");
}
