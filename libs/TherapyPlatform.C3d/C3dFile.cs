namespace TherapyPlatform.C3d;

/// <summary>A parsed C3D file: header, parameters, points, analog channels, events and GHOSTLY metadata.</summary>
public sealed class C3dFile
{
    /// <summary>Streams longer than this are refused unless a larger bound is passed.</summary>
    public const long DefaultMaxStreamBytes = 1L << 30;

    private const int ParameterHeaderSize = 4;

    private C3dFile(C3dProcessor processor, C3dHeader header, C3dLayout layout, C3dParameters parameters,
        IReadOnlyList<AnalogChannel> analogs, IReadOnlyList<PointTrajectory> points, IReadOnlyList<C3dEvent> events)
    {
        Processor = processor;
        IsFloat = layout.IsFloat;
        IsUnsignedAnalog = layout.IsUnsignedAnalog;
        PointRate = layout.FrameRate;
        AnalogRate = layout.AnalogRate;
        Frames = layout.Frames;
        HeaderFirstFrame = header.FirstFrame;
        HeaderLastFrame = header.LastFrame;
        AnalogSamplesPerFrame = layout.AnalogSamplesPerFrame;
        Parameters = parameters;
        Analogs = analogs;
        Points = points;
        Events = events;
        Ghostly = GhostlyMetadataReader.Read(parameters, analogs, layout.AnalogRate);
    }

    public C3dProcessor Processor { get; }

    public bool IsFloat { get; }

    /// <summary>ANALOG:FORMAT is UNSIGNED: raw analog words (and OFFSET) are uint16.</summary>
    public bool IsUnsignedAnalog { get; }

    /// <summary>Frame rate: POINT:RATE, else the header's.</summary>
    public double PointRate { get; }

    /// <summary>ANALOG:RATE, else frame rate x analog samples per frame; 0 when neither is known.</summary>
    public double AnalogRate { get; }

    /// <summary>Frames read: the declared count capped by what the file holds, or recovered from its length.</summary>
    public int Frames { get; }

    public int AnalogSamplesPerFrame { get; }

    /// <summary>The first frame the header declares (1-based), as written; <see cref="Frames"/> is what was read.</summary>
    public int HeaderFirstFrame { get; }

    /// <summary>The last frame the header declares; 0 in a recording its writer never finalised.</summary>
    public int HeaderLastFrame { get; }

    public C3dParameters Parameters { get; }

    public IReadOnlyList<AnalogChannel> Analogs { get; }

    public IReadOnlyList<PointTrajectory> Points { get; }

    public IReadOnlyList<C3dEvent> Events { get; }

    /// <summary>INFO/SUBJECTS metadata, or null when the file has no INFO group.</summary>
    public GhostlyMetadata? Ghostly { get; }

    /// <summary>The first channel whose label matches (case-insensitive, trimmed), or null.</summary>
    public AnalogChannel? FindAnalog(string label)
    {
        var wanted = label.Trim();
        foreach (var channel in Analogs)
        {
            if (string.Equals(channel.Label, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return channel;
            }
        }

        return null;
    }

    /// <summary>Reads the stream to its end (at most <see cref="DefaultMaxStreamBytes"/>), then parses it.</summary>
    public static C3dFile Read(Stream stream) => Read(stream, DefaultMaxStreamBytes);

    public static C3dFile Read(Stream stream, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Read(StreamContent.ReadAll(stream, maxBytes));
    }

    public static C3dFile Read(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new C3dFormatException("empty file (0 bytes)", 0);
        }

        if (data.Length < 2 || data[1] != C3dHeader.Key)
        {
            throw new C3dFormatException(
                data.Length < 2
                    ? "truncated header: 1 byte"
                    : $"wrong key 0x{data[1]:X2} in the header (a C3D file has 0x{C3dHeader.Key:X2})", 1);
        }

        if (data.Length < C3dHeader.BlockSize)
        {
            throw new C3dFormatException(
                $"truncated header: {data.Length} bytes, the header block has {C3dHeader.BlockSize}", data.Length);
        }

        if (data[0] == 0)
        {
            throw new C3dFormatException("the header points to parameter block 0 (blocks count from 1)", 0);
        }

        var sectionStart = (data[0] - 1) * C3dHeader.BlockSize;
        if (sectionStart + ParameterHeaderSize > data.Length)
        {
            throw new C3dFormatException(
                $"truncated parameter section: it starts at byte {sectionStart}, the file has {data.Length} bytes",
                sectionStart);
        }

        var processorByte = data[sectionStart + 3];
        if (processorByte is < (byte)C3dProcessor.Intel or > (byte)C3dProcessor.Mips)
        {
            throw new C3dFormatException(
                $"unknown processor {processorByte} (84 Intel, 85 DEC, 86 MIPS)", sectionStart + 3);
        }

        var blocks = data[sectionStart + 2];
        var sectionEnd = sectionStart + blocks * C3dHeader.BlockSize;
        if (blocks == 0 || sectionEnd > data.Length)
        {
            throw new C3dFormatException(
                $"truncated parameter section: {blocks} blocks declared from byte {sectionStart}, " +
                $"the file has {data.Length} bytes", sectionStart + 2);
        }

        var processor = (C3dProcessor)processorByte;
        var numbers = new C3dNumbers(processor);
        var parameters = ParameterSectionReader.Read(data, sectionStart, sectionEnd, numbers);
        var header = C3dHeader.Read(data, numbers);
        var layout = C3dLayout.Resolve(data, header, parameters, sectionEnd);
        return new C3dFile(processor, header, layout, parameters,
            AnalogReader.Read(data, layout, processor, parameters),
            PointReader.Read(data, layout, processor, parameters),
            EventReader.Read(data, parameters, numbers));
    }
}
