namespace TherapyPlatform.C3d;

/// <summary>
/// Walks the parameter records. Records are chained by a 16-bit offset counted from the offset field itself;
/// the walk stops at a zero name length, id or offset, or at the end of the declared parameter blocks, and it
/// refuses a chain that does not move forward, so a damaged offset cannot loop.
/// </summary>
internal static class ParameterSectionReader
{
    private const int MaxDimensions = 7;

    public static C3dParameters Read(ReadOnlySpan<byte> file, int sectionStart, int sectionEnd, C3dNumbers numbers)
    {
        var groups = new List<(int Id, string Name, string Description, bool Locked, int Offset)>();
        var parameters = new List<(int GroupId, C3dParameter Parameter)>();

        var position = sectionStart + 4;
        while (position + 2 <= sectionEnd)
        {
            var nameLength = (sbyte)file[position];
            var id = (sbyte)file[position + 1];
            if (nameLength == 0 || id == 0)
            {
                break;
            }

            var section = file[..sectionEnd];
            // Widen before negating: a length byte of -128 (locked, 128 characters) has no sbyte opposite.
            var name = Slice(section, position + 2, Math.Abs((int)nameLength), "parameter name");
            var offsetField = position + 2 + name.Length;
            var next = offsetField + numbers.Int16(Slice(section, offsetField, 2, "parameter offset"));
            var body = offsetField + 2;
            var locked = nameLength < 0;

            if (id < 0)
            {
                var description = ReadDescription(section, body);
                groups.Add((-id, TextCodec.Decode(name), description, locked, position));
            }
            else
            {
                parameters.Add((id, ReadParameter(section, position, body, TextCodec.Decode(name), locked, numbers)));
            }

            if (next == offsetField)
            {
                break;
            }

            if (next <= position)
            {
                throw new C3dFormatException(
                    $"parameter record '{TextCodec.Decode(name)}' points backwards to byte {next}", offsetField);
            }

            position = next;
        }

        return Assemble(groups, parameters);
    }

    private static C3dParameter ReadParameter(ReadOnlySpan<byte> section, int record, int position, string name,
        bool locked, C3dNumbers numbers)
    {
        var typeByte = (sbyte)Slice(section, position, 2, "parameter type")[0];
        if (typeByte is not (-1 or 1 or 2 or 4))
        {
            throw new C3dFormatException($"parameter '{name}' has unknown type {typeByte}", position);
        }

        var dimensionCount = section[position + 1];
        if (dimensionCount > MaxDimensions)
        {
            throw new C3dFormatException(
                $"parameter '{name}' has {dimensionCount} dimensions (at most {MaxDimensions})", position + 1);
        }

        var dimensionBytes = Slice(section, position + 2, dimensionCount, "parameter dimensions");
        var dimensions = new int[dimensionCount];
        long elements = 1;
        for (var i = 0; i < dimensionCount; i++)
        {
            dimensions[i] = dimensionBytes[i];
            elements *= dimensions[i];
        }

        var dataStart = position + 2 + dimensionCount;
        var byteCount = elements * Math.Abs((int)typeByte);
        if (byteCount > section.Length - dataStart)
        {
            throw new C3dFormatException(
                $"parameter '{name}' declares {byteCount} bytes of data beyond the parameter section", dataStart);
        }

        var data = section.Slice(dataStart, (int)byteCount).ToArray();
        var description = ReadDescription(section, dataStart + (int)byteCount);
        return new C3dParameter(name, description, locked, (C3dParameterType)typeByte, dimensions, data, numbers,
            record, dataStart);
    }

    private static string ReadDescription(ReadOnlySpan<byte> section, int position)
    {
        var length = Slice(section, position, 1, "description length")[0];
        return TextCodec.Decode(Slice(section, position + 1, length, "description"));
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> section, int position, int length, string what) =>
        length <= section.Length - position
            ? section.Slice(position, length)
            : throw new C3dFormatException($"{what} runs past the end of the parameter section", position);

    private static C3dParameters Assemble(List<(int Id, string Name, string Description, bool Locked, int Offset)> groups,
        List<(int GroupId, C3dParameter Parameter)> parameters)
    {
        // Parameters belong to the first group record with their id (a damaged file may repeat ids); those of an
        // id without a group record have no name to be found by and are dropped.
        var members = parameters.GroupBy(p => p.GroupId).ToDictionary(g => g.Key, g => g.Select(p => p.Parameter).ToArray());
        var result = new List<C3dGroup>(groups.Count);
        foreach (var group in groups)
        {
            var own = members.Remove(group.Id, out var found) ? found : [];
            result.Add(new C3dGroup(group.Id, group.Name, group.Description, group.Locked, own, group.Offset));
        }

        return new C3dParameters(result);
    }
}
