using System.Buffers.Binary;

namespace TherapyPlatform.C3d.Tests.Fixtures;

/// <summary>Little-endian patches for hand-damaging generated (Intel) files.</summary>
public static class Bytes
{
    public static byte[] WithInt16(this byte[] file, long offset, short value)
    {
        var copy = (byte[])file.Clone();
        BinaryPrimitives.WriteInt16LittleEndian(copy.AsSpan((int)offset), value);
        return copy;
    }

    public static byte[] WithByte(this byte[] file, long offset, byte value)
    {
        var copy = (byte[])file.Clone();
        copy[offset] = value;
        return copy;
    }

    public static byte[] WithText(this byte[] file, long offset, string text)
    {
        var copy = (byte[])file.Clone();
        System.Text.Encoding.ASCII.GetBytes(text).CopyTo(copy, offset);
        return copy;
    }

    public static byte[] Truncated(this byte[] file, int length) => file.AsSpan(0, length).ToArray();

    public static byte[] Appended(this byte[] file, int count, byte value) =>
        [.. file, .. Enumerable.Repeat(value, count)];

    /// <summary>Where a parameter's data sits in a file (found by reading it).</summary>
    public static long DataOffset(this byte[] file, string group, string parameter) =>
        C3dFile.Read(file).Parameters.Find(group, parameter)?.DataOffset
        ?? throw new InvalidOperationException($"{group}:{parameter} is not in the file");

    /// <summary>Where a group record's name starts.</summary>
    public static long GroupNameOffset(this byte[] file, string group) =>
        (C3dFile.Read(file).Parameters.Group(group)?.Offset
         ?? throw new InvalidOperationException($"{group} is not in the file")) + 2;

    /// <summary>Where a parameter record's name starts.</summary>
    public static long ParameterNameOffset(this byte[] file, string group, string parameter) =>
        (C3dFile.Read(file).Parameters.Find(group, parameter)?.Offset
         ?? throw new InvalidOperationException($"{group}:{parameter} is not in the file")) + 2;
}
