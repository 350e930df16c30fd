namespace TherapyPlatform.C3d;

/// <summary>Lays out the parameter section: 4-byte header, then group and parameter records, padded to blocks.</summary>
internal static class ParameterSectionWriter
{
    private const int MaxBlocks = 255;

    public static byte[] Write(IReadOnlyList<(string Name, List<ParameterDraft> Parameters)> groups,
        C3dNumbers numbers)
    {
        var records = new List<byte[]>();
        for (var g = 0; g < groups.Count; g++)
        {
            var id = g + 1;
            records.Add(Record(groups[g].Name, -id, body: Description(string.Empty), numbers));
            foreach (var parameter in groups[g].Parameters)
            {
                records.Add(Record(parameter.Name, id, ParameterBody(parameter, numbers), numbers));
            }
        }

        // The last record's offset is 0: the end of the chain.
        if (records.Count > 0)
        {
            var last = records[^1];
            numbers.WriteInt16(last.AsSpan(2 + last[0]), 0);
        }

        var length = 4 + records.Sum(r => r.Length);
        var blocks = (length + C3dHeader.BlockSize - 1) / C3dHeader.BlockSize;
        if (blocks > MaxBlocks)
        {
            throw new InvalidOperationException(
                $"the parameters need {blocks} blocks of 512 bytes; a C3D file allows {MaxBlocks}");
        }

        var section = new byte[blocks * C3dHeader.BlockSize];
        section[1] = C3dHeader.Key;
        section[2] = (byte)blocks;
        section[3] = (byte)numbers.Processor;
        var position = 4;
        foreach (var record in records)
        {
            record.CopyTo(section, position);
            position += record.Length;
        }

        return section;
    }

    private static byte[] Record(string name, int id, byte[] body, C3dNumbers numbers)
    {
        var nameBytes = TextCodec.Encode(name);
        if (nameBytes.Length is 0 or > sbyte.MaxValue)
        {
            throw new ArgumentException($"a C3D name has 1 to {sbyte.MaxValue} characters: '{name}'");
        }

        var next = 2 + body.Length;
        if (next > short.MaxValue)
        {
            throw new InvalidOperationException($"parameter {name} is too large for one record ({next} bytes)");
        }

        var record = new byte[2 + nameBytes.Length + next];
        record[0] = (byte)nameBytes.Length;
        record[1] = unchecked((byte)(sbyte)id);
        nameBytes.CopyTo(record, 2);
        numbers.WriteInt16(record.AsSpan(2 + nameBytes.Length), (short)next);
        body.CopyTo(record, 4 + nameBytes.Length);
        return record;
    }

    private static byte[] ParameterBody(ParameterDraft parameter, C3dNumbers numbers)
    {
        var description = Description(parameter.Description);
        var dimensions = parameter.Dimensions;
        var body = new byte[2 + dimensions.Length + parameter.DataLength + description.Length];
        body[0] = unchecked((byte)(sbyte)parameter.Type);
        body[1] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
        {
            body[2 + i] = (byte)dimensions[i];
        }

        parameter.Encode(body.AsSpan(2 + dimensions.Length), numbers);
        description.CopyTo(body, 2 + dimensions.Length + parameter.DataLength);
        return body;
    }

    private static byte[] Description(string text)
    {
        var bytes = TextCodec.Encode(text);
        if (bytes.Length > byte.MaxValue)
        {
            throw new ArgumentException($"a C3D description has at most {byte.MaxValue} characters: '{text}'");
        }

        return [(byte)bytes.Length, .. bytes];
    }
}
