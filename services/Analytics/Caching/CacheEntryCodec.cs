using System.Globalization;
using System.IO.Compression;
using System.Text;
using TherapyPlatform.Analytics.ReadModel;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>
/// The stored form of a cached analytics document: an ASCII header line
/// <c>v1 {requestNumber} {codec} {jsonLength} {etag} {patientCode}\n</c> (the patient code URI-escaped, <c>-</c>
/// for none) and the JSON body, raw (<c>id</c>) or Brotli (<c>br</c>). One GET returns everything a hit needs,
/// including whose session it is, and the write script reads the request number from the first bytes to refuse
/// replacing a newer analysis with an older one.
/// </summary>
/// <remarks>
/// Brotli, from the BCL (no extra dependency): on this JSON of numbers it stores about a quarter of GZip's
/// and LZ4's size for similar decompression time at this size, and entries are written once per analysis but
/// read many times, so the slower compression is paid rarely. Quality 5 keeps a write at a few milliseconds.
/// </remarks>
public static class CacheEntryCodec
{
    public const string Version = "v1";
    private const string Raw = "id";
    private const string Brotli = "br";
    private const int BrotliQuality = 5;
    private const int BrotliWindowBits = 22;
    private const string NoPatient = "-";
    private const int MaxHeaderLength = 256;

    public static byte[] Encode(RenderedAnalytics analytics, bool compress)
    {
        var json = analytics.Json;
        var payload = compress ? Compress(json) : json;
        var codec = compress ? Brotli : Raw;
        var header = Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{Version} {analytics.RequestNumber} {codec} {json.Length} {analytics.ETag} {Escape(analytics.PatientCode)}\n"));
        var entry = new byte[header.Length + payload.Length];
        header.CopyTo(entry, 0);
        payload.CopyTo(entry.AsSpan(header.Length));
        return entry;
    }

    /// <summary>The cached document, or null when the entry is not in a format this version reads.</summary>
    public static RenderedAnalytics? Decode(Guid sessionId, ReadOnlySpan<byte> entry)
    {
        var end = entry[..Math.Min(entry.Length, MaxHeaderLength)].IndexOf((byte)'\n');
        if (end < 0)
        {
            return null;
        }

        var parts = Encoding.ASCII.GetString(entry[..end]).Split(' ');
        if (parts is not [Version, var request, var codec, var length, var etag, var patient]
            || !int.TryParse(request, NumberStyles.None, CultureInfo.InvariantCulture, out var requestNumber)
            || !int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var jsonLength))
        {
            return null;
        }

        var payload = entry[(end + 1)..];
        byte[]? json = codec switch
        {
            Raw when payload.Length == jsonLength => payload.ToArray(),
            Brotli => Decompress(payload, jsonLength),
            _ => null,
        };
        return json is null ? null : new RenderedAnalytics(sessionId, requestNumber, etag, json, patient == NoPatient ? null : Uri.UnescapeDataString(patient));
    }

    private static string Escape(string? patientCode) => string.IsNullOrEmpty(patientCode) ? NoPatient : Uri.EscapeDataString(patientCode);

    private static byte[] Compress(byte[] json)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        if (!BrotliEncoder.TryCompress(json, buffer, out var written, BrotliQuality, BrotliWindowBits))
        {
            throw new InvalidOperationException("Brotli could not compress the analytics document.");
        }

        return buffer[..written];
    }

    private static byte[]? Decompress(ReadOnlySpan<byte> payload, int jsonLength)
    {
        var json = new byte[jsonLength];
        return BrotliDecoder.TryDecompress(payload, json, out var written) && written == jsonLength ? json : null;
    }
}
