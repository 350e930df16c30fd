using System.Numerics;

namespace TherapyPlatform.C3d;

/// <summary>
/// Builds a C3D file (Intel by default; DEC and MIPS on request) with float or integer data, points, analog
/// channels, events and any custom parameter groups. <see cref="C3dFile.Read(ReadOnlySpan{byte})"/> reads back
/// exactly what the file holds: float data as written (rounded to float), integer data quantised by the scale.
/// </summary>
public sealed class C3dWriter
{
    private readonly List<AnalogDraft> analogs = [];
    private readonly List<PointDraft> points = [];
    private readonly List<C3dEvent> events = [];
    private readonly List<(string Group, ParameterDraft Parameter)> custom = [];

    /// <summary>Frames per second. 0 means "same as <see cref="AnalogRate"/>" (one analog sample per frame).</summary>
    public double PointRate { get; init; }

    /// <summary>Analog samples per second per channel; a whole multiple of <see cref="PointRate"/>.</summary>
    public double AnalogRate { get; init; }

    public bool IsFloat { get; init; } = true;

    /// <summary>Writes ANALOG:FORMAT = UNSIGNED: integer analog words and offsets are uint16.</summary>
    public bool IsUnsignedAnalog { get; init; }

    /// <summary>|POINT:SCALE|: the coordinate step of integer files and the residual unit of both.</summary>
    public float PointScale { get; init; } = 0.1f;

    public C3dProcessor Processor { get; init; } = C3dProcessor.Intel;

    /// <summary>
    /// Adds an analog channel. <paramref name="scale"/> and <paramref name="offset"/> become ANALOG:SCALE and
    /// ANALOG:OFFSET; integer files quantise each value to round(value / scale) + offset. Without a scale an
    /// integer file picks one that spans the channel's largest magnitude, a float file uses 1.
    /// </summary>
    public C3dWriter AddAnalog(string label, double[] samples, double? scale = null, int? offset = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(samples);
        var chosenScale = (float)(scale ?? (IsFloat ? 1.0 : IntegerScale(samples)));
        if (chosenScale == 0 || !float.IsFinite(chosenScale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be finite and non-zero");
        }

        var chosenOffset = offset ?? (IsUnsignedAnalog && !IsFloat ? 32768 : 0);
        var (min, max) = IsUnsignedAnalog ? (0, (int)ushort.MaxValue) : (short.MinValue, (int)short.MaxValue);
        if (chosenOffset < min || chosenOffset > max)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"the offset must lie in [{min}, {max}]");
        }

        var draft = new AnalogDraft(label, samples, chosenScale, chosenOffset);
        if (!IsFloat)
        {
            draft.CheckRange(min, max);
        }

        analogs.Add(draft);
        return this;
    }

    /// <summary>
    /// Adds a 3D point. A negative residual marks the point invalid in that frame; otherwise the residual is
    /// stored in units of <see cref="PointScale"/> (0 to 255 of them) and the camera mask in the high byte.
    /// </summary>
    public C3dWriter AddPoint(string label, Vector3[] positions, float[]? residuals = null, byte[]? cameraMasks = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(positions);
        if ((residuals is not null && residuals.Length != positions.Length) ||
            (cameraMasks is not null && cameraMasks.Length != positions.Length))
        {
            throw new ArgumentException($"point {label}: residuals and camera masks need one entry per frame");
        }

        var draft = new PointDraft(label, positions, residuals ?? new float[positions.Length],
            cameraMasks ?? new byte[positions.Length]);
        draft.Check(IsFloat, PointScale);
        points.Add(draft);
        return this;
    }

    /// <summary>Adds an event, written to the EVENT group (TIMES as 0 minutes and the seconds as a float).</summary>
    public C3dWriter AddEvent(string label, double timeSeconds, string context = "", string description = "")
    {
        events.Add(new C3dEvent(label, timeSeconds, context, description));
        return this;
    }

    public C3dWriter AddParameter(string group, string name, string value, string description = "") =>
        Add(group, ParameterDraft.Text(name, value, description));

    /// <summary>A [longest length, count] char array, e.g. INFO:TIME = ["2024", "3", "4", "10", "5"].</summary>
    public C3dWriter AddParameter(string group, string name, string[] values, string description = "") =>
        Add(group, ParameterDraft.Texts(name, values, description));

    public C3dWriter AddParameter(string group, string name, short value, string description = "") =>
        Add(group, ParameterDraft.Scalar(name, C3dParameterType.Int16, value, description));

    public C3dWriter AddParameter(string group, string name, float value, string description = "") =>
        Add(group, ParameterDraft.Scalar(name, C3dParameterType.Float, value, description));

    /// <summary>An Int16 array; <paramref name="dimensions"/> defaults to [length] (column-major otherwise).</summary>
    public C3dWriter AddParameter(string group, string name, short[] values, int[]? dimensions = null,
        string description = "") =>
        Add(group, ParameterDraft.Values(name, C3dParameterType.Int16, Array.ConvertAll(values, v => (double)v),
            dimensions, description));

    /// <summary>A float array; <paramref name="dimensions"/> defaults to [length] (column-major otherwise).</summary>
    public C3dWriter AddParameter(string group, string name, float[] values, int[]? dimensions = null,
        string description = "") =>
        Add(group, ParameterDraft.Values(name, C3dParameterType.Float, Array.ConvertAll(values, v => (double)v),
            dimensions, description));

    public C3dWriter AddParameter(string group, string name, byte[] values, string description = "") =>
        Add(group, ParameterDraft.Values(name, C3dParameterType.Byte, Array.ConvertAll(values, v => (double)v),
            description: description));

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return stream.ToArray();
    }

    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var shape = FileShape.Of(this, analogs, points);
        var numbers = new C3dNumbers(Processor);
        var parameterBlocks = ParameterSectionWriter.Write(Groups(shape, dataStartBlock: 0), numbers).Length /
                              C3dHeader.BlockSize;
        var dataStartBlock = 2 + parameterBlocks;
        var parameterSection = ParameterSectionWriter.Write(Groups(shape, dataStartBlock), numbers);

        stream.Write(Header(shape, dataStartBlock, numbers));
        stream.Write(parameterSection);
        new FrameWriter(shape, numbers, IsFloat, PointScale, analogs, points).WriteTo(stream);
    }

    private C3dWriter Add(string group, ParameterDraft parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        custom.Add((group, parameter));
        return this;
    }

    private static double IntegerScale(double[] samples)
    {
        var largest = samples.Length == 0 ? 0 : samples.Max(Math.Abs);
        return largest > 0 && double.IsFinite(largest) ? largest / 32000 : 1;
    }

    private byte[] Header(FileShape shape, int dataStartBlock, C3dNumbers numbers)
    {
        var header = new byte[C3dHeader.BlockSize];
        header[0] = 2;
        header[1] = C3dHeader.Key;
        var span = header.AsSpan();
        numbers.WriteInt16(span[2..], unchecked((short)points.Count));
        var analogWords = analogs.Count * shape.SamplesPerFrame;
        numbers.WriteInt16(span[4..], unchecked((short)(analogWords <= ushort.MaxValue ? analogWords : 0)));
        numbers.WriteInt16(span[6..], 1);
        numbers.WriteInt16(span[8..], unchecked((short)Math.Min(shape.Frames, ushort.MaxValue)));
        numbers.WriteSingle(span[12..], shape.StoredPointScale);
        numbers.WriteInt16(span[16..], (short)dataStartBlock);
        numbers.WriteInt16(span[18..], unchecked((short)shape.SamplesPerFrame));
        numbers.WriteSingle(span[20..], (float)shape.FrameRate);
        return header;
    }

    /// <summary>POINT, ANALOG, EVENT and TRIAL as the data needs them, then the caller's parameters.</summary>
    private List<(string Name, List<ParameterDraft> Parameters)> Groups(FileShape shape, int dataStartBlock)
    {
        var groups = new List<(string Name, List<ParameterDraft> Parameters)>
        {
            ("POINT", StandardGroups.Point(shape, dataStartBlock, points.Select(p => p.Label).ToArray())),
            ("ANALOG", StandardGroups.Analog(shape, IsUnsignedAnalog, analogs)),
        };
        if (events.Count > 0)
        {
            groups.Add(("EVENT", StandardGroups.Events(events)));
        }

        if (shape.Frames > ushort.MaxValue)
        {
            groups.Add(("TRIAL", StandardGroups.Trial(shape.Frames)));
        }

        foreach (var (groupName, parameter) in custom)
        {
            var index = groups.FindIndex(g => string.Equals(g.Name, groupName, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                groups.Add((groupName, []));
                index = groups.Count - 1;
            }

            if (groups[index].Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException(
                    $"{groupName}:{parameter.Name} is given twice (or is one the writer derives from the data)");
            }

            groups[index].Parameters.Add(parameter);
        }

        if (groups.Count > sbyte.MaxValue)
        {
            throw new InvalidOperationException($"a C3D file holds at most {sbyte.MaxValue} groups");
        }

        return groups;
    }
}
