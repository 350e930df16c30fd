namespace TherapyPlatform.C3d;

/// <summary>The input is not a C3D file the reader can make sense of; <see cref="Offset"/> says where.</summary>
public sealed class C3dFormatException : Exception
{
    public C3dFormatException()
    {
    }

    public C3dFormatException(string message)
        : base(message)
    {
    }

    public C3dFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public C3dFormatException(string reason, long offset)
        : base($"{reason} (at byte {offset})")
    {
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The byte offset in the file at which the problem was found.</summary>
    public long Offset { get; }

    /// <summary>The message without the offset suffix.</summary>
    public string Reason { get; } = string.Empty;
}
