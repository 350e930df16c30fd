namespace TherapyPlatform.C3d;

/// <summary>
/// Where the frames are and how they are shaped, resolved from the parameters with the header as fallback,
/// and checked against the file length before anything is allocated.
/// </summary>
internal sealed record C3dLayout(
    bool IsFloat,
    bool IsUnsignedAnalog,
    int PointCount,
    double PointScale,
    int AnalogChannels,
    int AnalogSamplesPerFrame,
    double FrameRate,
    double AnalogRate,
    long DataStart,
    long FrameBytes,
    int Frames)
{
    public int WordSize => IsFloat ? 4 : 2;

    public long PointBytes => PointCount * 4L * WordSize;

    public static C3dLayout Resolve(ReadOnlySpan<byte> file, C3dHeader header, C3dParameters parameters,
        int parameterSectionEnd)
    {
        var scale = Number(parameters.Find("POINT", "SCALE")) ?? header.PointScale;
        var isFloat = scale < 0;
        var points = UnsignedWord(parameters.Find("POINT", "USED")) ?? header.PointCount;

        var samplesPerFrame = header.AnalogSamplesPerFrame;
        var channels = UnsignedWord(parameters.Find("ANALOG", "USED"))
            ?? (samplesPerFrame > 0 ? header.AnalogWordsPerFrame / samplesPerFrame : 0);
        if (samplesPerFrame == 0 && channels > 0)
        {
            samplesPerFrame = header.AnalogWordsPerFrame / channels;
        }

        var frameRate = Positive(Number(parameters.Find("POINT", "RATE"))) ?? Positive(header.FrameRate) ?? 0;
        var analogRate = Positive(Number(parameters.Find("ANALOG", "RATE"))) ?? frameRate * samplesPerFrame;

        var dataStartBlock = Positive(UnsignedWord(parameters.Find("POINT", "DATA_START")))
            ?? Positive(header.DataStartBlock)
            ?? parameterSectionEnd / C3dHeader.BlockSize + 1;
        var dataStart = (dataStartBlock - 1L) * C3dHeader.BlockSize;

        var wordSize = isFloat ? 4 : 2;
        var frameBytes = (points * 4L + (long)channels * samplesPerFrame) * wordSize;

        // Every declared point and channel needs at least one word in a frame; counting that even when there
        // are no analog samples per frame keeps a bogus USED from allocating more channels than the file has.
        var smallestFrame = (points * 4L + (long)channels * Math.Max(samplesPerFrame, 1)) * wordSize;
        if (smallestFrame > file.Length)
        {
            throw new C3dFormatException(
                $"impossible dimensions: one frame of {points} points and {channels} analog channels x " +
                $"{samplesPerFrame} samples takes {smallestFrame} bytes, more than the whole file ({file.Length})",
                dataStart);
        }

        var frames = ResolveFrames(file.Length, header, parameters, dataStart, frameBytes);
        return new C3dLayout(isFloat, IsUnsigned(parameters), points, Math.Abs(scale), channels, samplesPerFrame,
            frameRate, analogRate, dataStart, frameBytes, frames);
    }

    /// <summary>
    /// POINT:FRAMES (unsigned: GHOSTLY writes it as Int16), else the header, with TRIAL:ACTUAL_START/END_FIELD
    /// taking over when it counts more (the 16-bit fields cannot say more than 65,535); capped by what the
    /// file holds. When nothing declares a count (an unfinalised recording), the file length decides.
    /// </summary>
    private static int ResolveFrames(long fileLength, C3dHeader header, C3dParameters parameters, long dataStart,
        long frameBytes)
    {
        long declared = Positive(UnsignedWord(parameters.Find("POINT", "FRAMES"))) ?? header.Frames;
        var trial = TrialFrames(parameters);
        if (trial > declared)
        {
            declared = trial;
        }

        if (frameBytes == 0)
        {
            return (int)Math.Min(declared, int.MaxValue);
        }

        var available = dataStart < fileLength ? (fileLength - dataStart) / frameBytes : 0;
        if (declared == 0)
        {
            return (int)available;
        }

        if (available == 0)
        {
            throw new C3dFormatException(
                $"truncated data section: {declared} frames of {frameBytes} bytes declared from byte {dataStart}, " +
                $"but the file ends at byte {fileLength}", Math.Min(dataStart, fileLength));
        }

        return (int)Math.Min(declared, available);
    }

    private static long TrialFrames(C3dParameters parameters)
    {
        var start = parameters.Find("TRIAL", "ACTUAL_START_FIELD");
        var end = parameters.Find("TRIAL", "ACTUAL_END_FIELD");
        if (start is not { Type: C3dParameterType.Int16, Count: >= 2 } ||
            end is not { Type: C3dParameterType.Int16, Count: >= 2 })
        {
            return 0;
        }

        var first = Field(start);
        var last = Field(end);
        return last >= first && last > 0 ? last - first + 1 : 0;

        static long Field(C3dParameter p) => (ushort)p.GetInt16(0) + (ushort)p.GetInt16(1) * 65536L;
    }

    private static bool IsUnsigned(C3dParameters parameters) =>
        parameters.Find("ANALOG", "FORMAT") is { Type: C3dParameterType.Char } format &&
        string.Equals(format.GetString(), "UNSIGNED", StringComparison.OrdinalIgnoreCase);

    /// <summary>A count stored as Int16 read as unsigned; a float count taken as is.</summary>
    private static int? UnsignedWord(C3dParameter? parameter) => parameter switch
    {
        { Type: C3dParameterType.Int16, Count: > 0 } => (ushort)parameter.GetInt16(),
        { Type: C3dParameterType.Float or C3dParameterType.Byte, Count: > 0 } when
            parameter.GetNumber() is >= 0 and <= ushort.MaxValue and var value => (int)value,
        _ => null,
    };

    private static double? Number(C3dParameter? parameter) =>
        parameter is { Type: not C3dParameterType.Char, Count: > 0 } && double.IsFinite(parameter.GetNumber())
            ? parameter.GetNumber()
            : null;

    private static double? Positive(double? value) => value > 0 && double.IsFinite(value.Value) ? value : null;

    private static int? Positive(int? value) => value > 0 ? value : null;
}
