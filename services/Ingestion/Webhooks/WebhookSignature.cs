using System.Security.Cryptography;
using System.Text;

namespace TherapyPlatform.Ingestion.Webhooks;

/// <summary>Checks <c>x-supabase-signature</c>: the hex HMAC-SHA256 of the raw body, optionally prefixed <c>sha256=</c>.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "x-supabase-signature";

    /// <summary>Whether the header carries <paramref name="digest"/> (the body's <see cref="Digest"/>), compared in constant time.</summary>
    public static bool Matches(ReadOnlySpan<byte> digest, string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var hex = header.Trim();
        if (hex.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex["sha256=".Length..];
        }

        Span<byte> given = stackalloc byte[32];
        if (hex.Length != 64 || Convert.FromHexString(hex, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(digest, given);
    }

    /// <summary>The HMAC-SHA256 of the body: what a valid header carries, and the delivery's identity for replay checks.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> body, string secret) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);

    /// <summary>The header value for a body (for clients and tests).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) => "sha256=" + Convert.ToHexStringLower(Digest(body, secret));
}
