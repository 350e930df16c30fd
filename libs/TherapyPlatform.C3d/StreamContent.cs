namespace TherapyPlatform.C3d;

/// <summary>Reads a whole stream into one array, refusing more than a bound so a hostile stream cannot exhaust memory.</summary>
internal static class StreamContent
{
    public static byte[] ReadAll(Stream stream, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        maxBytes = Math.Min(maxBytes, Array.MaxLength);
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > maxBytes)
            {
                throw new C3dFormatException($"the stream holds {remaining} bytes, more than the {maxBytes} allowed",
                    maxBytes);
            }

            var buffer = new byte[remaining];
            stream.ReadExactly(buffer);
            return buffer;
        }

        using var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                throw new C3dFormatException($"the stream holds more than the {maxBytes} bytes allowed", maxBytes);
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }
}
