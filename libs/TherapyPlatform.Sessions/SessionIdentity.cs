using System.Security.Cryptography;

namespace TherapyPlatform.Sessions;

/// <summary>
/// A session is its file: the stream id comes from the file's SHA-256, so the same file delivered twice (a
/// repeated webhook, a second upload, ten concurrent copies) always names the same stream.
/// </summary>
public static class SessionIdentity
{
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The first 16 bytes of the hash as an RFC 9562 version-8 (custom) UUID.</summary>
    public static Guid FromHash(string sha256Hex)
    {
        if (sha256Hex.Length != 64)
        {
            throw new ArgumentException("Expected a 64-digit SHA-256 hex string.", nameof(sha256Hex));
        }

        Span<byte> bytes = stackalloc byte[16];
        Convert.FromHexString(sha256Hex.AsSpan(0, 32), bytes, out _, out _);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
