namespace TherapyPlatform.C3d;

/// <summary>A parameter waiting to be written: its values are encoded only once the processor is known.</summary>
internal sealed record ParameterDraft(string Name, C3dParameterType Type, int[] Dimensions, byte[] Chars,
    double[] Numbers, string Description)
{
    /// <summary>Most elements one array record may hold: a dimension is one byte.</summary>
    public const int MaxDimension = 255;

    public static ParameterDraft Text(string name, string value, string description = "")
    {
        var chars = TextCodec.Encode(value);
        return new ParameterDraft(name, C3dParameterType.Char, [CheckDimension(name, chars.Length)], chars, [],
            description);
    }

    /// <summary>A [width, count] char array, each string padded with spaces to the longest.</summary>
    public static ParameterDraft Texts(string name, IReadOnlyList<string> values, string description = "")
    {
        var width = values.Count == 0 ? 0 : values.Max(v => v.Length);
        var chars = new byte[width * values.Count];
        Array.Fill(chars, (byte)' ');
        for (var i = 0; i < values.Count; i++)
        {
            TextCodec.Encode(values[i]).CopyTo(chars, i * width);
        }

        return new ParameterDraft(name, C3dParameterType.Char,
            [CheckDimension(name, width), CheckDimension(name, values.Count)], chars, [], description);
    }

    public static ParameterDraft Scalar(string name, C3dParameterType type, double value, string description = "") =>
        new(name, type, [], [], [value], description);

    public static ParameterDraft Values(string name, C3dParameterType type, double[] values, int[]? dimensions = null,
        string description = "")
    {
        dimensions ??= [values.Length];
        foreach (var dimension in dimensions)
        {
            CheckDimension(name, dimension);
        }

        var product = dimensions.Aggregate(1L, (p, d) => p * d);
        if (product != values.Length)
        {
            throw new ArgumentException(
                $"{name}: dimensions [{string.Join(",", dimensions)}] hold {product} values, not {values.Length}",
                nameof(dimensions));
        }

        return new ParameterDraft(name, type, dimensions, [], values, description);
    }

    public int ElementSize => Math.Abs((int)Type);

    public int DataLength => Type == C3dParameterType.Char ? Chars.Length : Numbers.Length * ElementSize;

    public void Encode(Span<byte> destination, C3dNumbers numbers)
    {
        if (Type == C3dParameterType.Char)
        {
            Chars.CopyTo(destination);
            return;
        }

        for (var i = 0; i < Numbers.Length; i++)
        {
            var slot = destination[(i * ElementSize)..];
            switch (Type)
            {
                case C3dParameterType.Byte:
                    slot[0] = checked((byte)Numbers[i]);
                    break;
                case C3dParameterType.Int16:
                    // Counts above 32,767 are stored as their unsigned bit pattern, as readers expect.
                    numbers.WriteInt16(slot, unchecked((short)checked((int)Numbers[i])));
                    break;
                default:
                    numbers.WriteSingle(slot, (float)Numbers[i]);
                    break;
            }
        }
    }

    private static int CheckDimension(string name, int dimension) =>
        dimension <= MaxDimension
            ? dimension
            : throw new ArgumentException($"{name}: a dimension of {dimension} exceeds {MaxDimension}");
}
