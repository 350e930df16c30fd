using System.Globalization;

namespace TherapyPlatform.C3d;

/// <summary>
/// One parameter: its raw element bytes plus the dimensions (column-major, for char arrays dimension 0 is the
/// string length). Typed accessors decode the bytes with the file's processor.
/// </summary>
public sealed class C3dParameter
{
    private readonly byte[] data;
    private readonly C3dNumbers numbers;

    internal C3dParameter(string name, string description, bool isLocked, C3dParameterType type, int[] dimensions,
        byte[] data, C3dNumbers numbers, long offset, long dataOffset)
    {
        Offset = offset;
        DataOffset = dataOffset;
        Name = name;
        Description = description;
        IsLocked = isLocked;
        Type = type;
        Dimensions = dimensions;
        this.data = data;
        this.numbers = numbers;
    }

    public string Name { get; }

    /// <summary>Byte offset of the parameter record in the file.</summary>
    public long Offset { get; }

    /// <summary>Byte offset of the parameter's data (after type and dimensions) in the file.</summary>
    public long DataOffset { get; }

    public string Description { get; }

    public bool IsLocked { get; }

    public C3dParameterType Type { get; }

    /// <summary>The dimensions; empty for a scalar.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>Number of elements (bytes for char data).</summary>
    public int Count => data.Length / ElementSize;

    private int ElementSize => Math.Abs((int)Type);

    /// <summary>A copy of the raw element bytes as stored in the file.</summary>
    public byte[] GetBytes() => (byte[])data.Clone();

    /// <summary>All char data as one string, trimmed of spaces and NULs.</summary>
    public string GetString()
    {
        RequireType(C3dParameterType.Char);
        return TextCodec.DecodeTrimmed(data);
    }

    /// <summary>
    /// The strings of a char array: dimension 0 is the length of each, the rest give the count. A scalar or
    /// one-dimensional char parameter is a single string; zero-length strings give an empty list. Each is
    /// trimmed of spaces and NULs.
    /// </summary>
    public IReadOnlyList<string> GetStrings()
    {
        RequireType(C3dParameterType.Char);
        if (Dimensions.Count <= 1)
        {
            return [GetString()];
        }

        if (Dimensions[0] == 0)
        {
            // Strings of length zero (e.g. DESCRIPTIONS [0, 54]) carry nothing.
            return [];
        }

        var length = Dimensions[0];
        var strings = new string[data.Length / length];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = TextCodec.DecodeTrimmed(data.AsSpan(i * length, length));
        }

        return strings;
    }

    public short[] GetInt16s()
    {
        RequireType(C3dParameterType.Int16);
        var values = new short[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = numbers.Int16(data.AsSpan(i * 2));
        }

        return values;
    }

    /// <summary>Int16 data reinterpreted as unsigned (frame counts, unsigned analog offsets).</summary>
    public ushort[] GetUInt16s() => Array.ConvertAll(GetInt16s(), value => unchecked((ushort)value));

    public float[] GetFloats()
    {
        RequireType(C3dParameterType.Float);
        var values = new float[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = numbers.Single(data.AsSpan(i * 4));
        }

        return values;
    }

    /// <summary>Element <paramref name="index"/> of any numeric parameter as a float.</summary>
    public float GetSingle(int index = 0) => (float)GetNumber(index);

    /// <summary>Element <paramref name="index"/> of any numeric parameter as a 16-bit integer (a float is
    /// truncated and must be in range).</summary>
    public short GetInt16(int index = 0) => Type == C3dParameterType.Int16
        ? numbers.Int16(data.AsSpan(CheckedIndex(index) * 2))
        : checked((short)GetNumber(index));

    /// <summary>
    /// Element <paramref name="index"/> of a numeric parameter as a double (int16 signed, byte unsigned).
    /// </summary>
    public double GetNumber(int index = 0)
    {
        var i = CheckedIndex(index);
        return Type switch
        {
            C3dParameterType.Int16 => numbers.Int16(data.AsSpan(i * 2)),
            C3dParameterType.Float => numbers.Single(data.AsSpan(i * 4)),
            C3dParameterType.Byte => data[i],
            _ => throw new InvalidOperationException($"{Name} holds characters, not numbers"),
        };
    }

    /// <summary>Every element of a numeric parameter as a double.</summary>
    public double[] GetNumbers()
    {
        var values = new double[Type == C3dParameterType.Char ? 0 : Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = GetNumber(i);
        }

        return values;
    }

    public override string ToString()
    {
        var dims = string.Join(",", Dimensions);
        return Type == C3dParameterType.Char
            ? $"{Name} char[{dims}] = {string.Join(" | ", GetStrings())}"
            : $"{Name} {Type.ToString().ToLowerInvariant()}[{dims}] = " +
              string.Join(" ", GetNumbers().Take(16).Select(v => v.ToString("G9", CultureInfo.InvariantCulture))) +
              (Count > 16 ? " ..." : string.Empty);
    }

    private int CheckedIndex(int index) => (uint)index < (uint)Count
        ? index
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has {Count} elements");

    private void RequireType(C3dParameterType expected)
    {
        if (Type != expected)
        {
            throw new InvalidOperationException($"{Name} is {Type}, not {expected}");
        }
    }
}
