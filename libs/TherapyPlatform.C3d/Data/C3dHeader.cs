namespace TherapyPlatform.C3d;

/// <summary>The fields of the first 512-byte block that the reader uses.</summary>
internal readonly record struct C3dHeader(
    int PointCount,
    int AnalogWordsPerFrame,
    int FirstFrame,
    int LastFrame,
    float PointScale,
    int DataStartBlock,
    int AnalogSamplesPerFrame,
    float FrameRate)
{
    public const int BlockSize = 512;
    public const byte Key = 0x50;

    public static C3dHeader Read(ReadOnlySpan<byte> file, C3dNumbers numbers) => new(
        numbers.UInt16(file[2..]),
        numbers.UInt16(file[4..]),
        numbers.UInt16(file[6..]),
        numbers.UInt16(file[8..]),
        numbers.Single(file[12..]),
        numbers.UInt16(file[16..]),
        numbers.UInt16(file[18..]),
        numbers.Single(file[20..]));

    /// <summary>Frames per the header (last - first + 1), 0 when the writer never filled it in.</summary>
    public int Frames => LastFrame >= FirstFrame && LastFrame > 0 ? LastFrame - FirstFrame + 1 : 0;
}
