namespace TherapyPlatform.C3d;

/// <summary>C3D text is single-byte; Latin-1 maps every byte to one char so nothing is lost.</summary>
internal static class TextCodec
{
    private static readonly char[] Padding = [' ', '\0'];

    public static string Decode(ReadOnlySpan<byte> bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    /// <summary>Labels are padded with spaces or NULs (GHOSTLY pads to 13 chars, Kistler with NULs).</summary>
    public static string DecodeTrimmed(ReadOnlySpan<byte> bytes) => Decode(bytes).Trim(Padding);

    public static string Trim(string text) => text.Trim(Padding);

    public static byte[] Encode(string text) => System.Text.Encoding.Latin1.GetBytes(text);
}
