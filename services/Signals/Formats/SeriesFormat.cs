using Microsoft.Net.Http.Headers;

namespace TherapyPlatform.Signals.Formats;

/// <summary>How a series is written: JSON (default), little-endian float32 (time, value) pairs, or CSV for export.</summary>
internal enum SeriesFormat
{
    Json,
    OctetStream,
    Csv,
}

internal static class SeriesFormats
{
    public const string JsonMediaType = "application/json";
    public const string OctetStreamMediaType = "application/octet-stream";
    public const string CsvMediaType = "text/csv";

    private static readonly (string Name, MediaTypeHeaderValue MediaType, SeriesFormat Format)[] Known =
    [
        ("json", new MediaTypeHeaderValue(JsonMediaType), SeriesFormat.Json),
        ("csv", new MediaTypeHeaderValue(CsvMediaType), SeriesFormat.Csv),
        ("octet-stream", new MediaTypeHeaderValue(OctetStreamMediaType), SeriesFormat.OctetStream),
    ];

    /// <summary>
    /// <c>?format=</c> wins (json, csv, octet-stream); otherwise the most preferred supported type of the Accept
    /// header; JSON when nothing supported is asked for, so browsers and <c>*/*</c> get JSON.
    /// </summary>
    public static bool TryChoose(string? format, IList<MediaTypeHeaderValue> accept, out SeriesFormat chosen, out string? error)
    {
        error = null;
        chosen = SeriesFormat.Json;
        if (format is not null)
        {
            foreach (var known in Known)
            {
                if (string.Equals(format.Trim(), known.Name, StringComparison.OrdinalIgnoreCase))
                {
                    chosen = known.Format;
                    return true;
                }
            }

            error = $"format must be one of {string.Join(", ", Known.Select(k => k.Name))} (got '{format}').";
            return false;
        }

        var bestQuality = 0.0;
        foreach (var range in accept)
        {
            // Parameters such as charset do not change which format is meant.
            var wanted = new MediaTypeHeaderValue(range.MediaType);
            var quality = range.Quality ?? 1.0;
            foreach (var known in Known)
            {
                if (quality > bestQuality && !range.MatchesAllTypes && known.MediaType.IsSubsetOf(wanted))
                {
                    bestQuality = quality;
                    chosen = known.Format;
                }
            }
        }

        return true;
    }
}
