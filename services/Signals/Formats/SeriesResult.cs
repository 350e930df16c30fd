using System.Globalization;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Formats;

/// <summary>
/// Writes a served series in the negotiated format. Every format carries <c>X-Cache</c> (hit when no file was read
/// and nothing computed) and <c>X-Cache-Layer</c>; the binary and CSV forms also carry the series' facts as headers,
/// since their bodies are points only.
/// </summary>
internal sealed class SeriesResult(ServedSeries served, SeriesFormat format) : IResult
{
    public ServedSeries Served => served;

    public SeriesFormat Format => format;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.Headers["X-Cache"] = served.CacheLayer is null ? "miss" : "hit";
        response.Headers["X-Cache-Layer"] = served.CacheLayer ?? "none";
        if (format == SeriesFormat.Json)
        {
            await response.WriteAsJsonAsync(SeriesResponse.From(served), SignalsJsonContext.Default.SeriesResponse, cancellationToken: httpContext.RequestAborted);
            return;
        }

        WriteFactHeaders(response.Headers, served);
        if (format == SeriesFormat.OctetStream)
        {
            response.ContentType = SeriesFormats.OctetStreamMediaType;
            response.ContentLength = BinarySeriesWriter.LengthOf(served.Series);
            BinarySeriesWriter.Write(served.Series, response.BodyWriter);
        }
        else
        {
            response.ContentType = $"{SeriesFormats.CsvMediaType}; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(served)}\"";
            CsvSeriesWriter.Write(served.Series, response.BodyWriter);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private static void WriteFactHeaders(IHeaderDictionary headers, ServedSeries served)
    {
        var series = served.Series;
        headers["X-Signal-Channel"] = Uri.EscapeDataString(served.Channel.Source.Name);
        headers["X-Signal-Kind"] = served.Channel.Kind.Name();
        headers["X-Signal-Sampling-Rate"] = Invariant(series.SamplingRate);
        headers["X-Signal-Duration-Seconds"] = Invariant(series.DurationSeconds);
        headers["X-Signal-Window"] = $"{Invariant(series.WindowStartSeconds)},{Invariant(series.WindowEndSeconds)}";
        headers["X-Signal-Effective-Interval-Seconds"] = Invariant(series.EffectiveIntervalSeconds);
        headers["X-Signal-Points"] = series.PointCount.ToString(CultureInfo.InvariantCulture);
        headers["X-Signal-Downsampling"] = series.IsDownsampled ? SeriesResponse.MinMaxDownsampling : SeriesResponse.NoDownsampling;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Session, channel and kind, with anything but letters, digits, '-' and '_' replaced, so no header or path tricks.</summary>
    private static string FileName(ServedSeries served)
    {
        var name = $"{served.Session.SessionId:D}_{served.Channel.Source.Name}_{served.Channel.Kind.Name()}";
        return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')) + ".csv";
    }
}
