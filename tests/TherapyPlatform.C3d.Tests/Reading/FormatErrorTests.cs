using TherapyPlatform.C3d.Tests.Fixtures;

namespace TherapyPlatform.C3d.Tests.Reading;

/// <summary>Every kind of bad input gives a C3dFormatException that names the problem and its byte offset.</summary>
public sealed class FormatErrorTests
{
    private const int ParameterSection = 512;

    private static readonly byte[] Recording = GhostlyRecording.Create(frames: 10);

    public static TheoryData<string, byte[], long, string> BadFiles()
    {
        var file = Recording;
        var read = C3dFile.Read(file);
        var labels = read.Parameters.Find("ANALOG", "LABELS")!;
        var used = read.Parameters.Find("POINT", "USED")!;
        var dataStart = (read.Parameters.Find("POINT", "DATA_START")!.GetInt16() - 1) * 512L;
        return new TheoryData<string, byte[], long, string>
        {
            { "empty", [], 0, "empty file" },
            { "wrong key", file.WithByte(1, 0x51), 1, "wrong key 0x51" },
            { "truncated header", file.Truncated(100), 100, "truncated header" },
            { "parameter block 0", file.WithByte(0, 0), 0, "parameter block 0" },
            { "parameters beyond the file", file.WithByte(0, 200), 199 * 512, "truncated parameter section" },
            { "unknown processor", file.WithByte(ParameterSection + 3, 83), ParameterSection + 3, "unknown processor 83" },
            { "no parameter blocks", file.WithByte(ParameterSection + 2, 0), ParameterSection + 2, "truncated parameter section" },
            { "truncated parameters", file.Truncated(600), ParameterSection + 2, "truncated parameter section" },
            {
                "record pointing backwards", file.WithInt16(used.Offset + 2 + used.Name.Length, -20),
                used.Offset + 2 + used.Name.Length, "points backwards"
            },
            {
                "dimensions beyond the section", file.WithByte(labels.DataOffset - 2, 255).WithByte(labels.DataOffset - 1, 255),
                labels.DataOffset, "beyond the parameter section"
            },
            { "unknown parameter type", file.WithByte(labels.DataOffset - 4, 3), labels.DataOffset - 4, "unknown type 3" },
            { "too many dimensions", file.WithByte(labels.DataOffset - 3, 8), labels.DataOffset - 3, "8 dimensions" },
            {
                "impossible point count", file.WithInt16(used.DataOffset, -1), dataStart, "impossible dimensions"
            },
            { "truncated data", file.Truncated((int)dataStart + 100), dataStart, "truncated data section" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_input_names_the_problem_and_its_offset(string problem, byte[] bytes, long offset, string reason)
    {
        var error = Assert.Throws<C3dFormatException>(() => C3dFile.Read(bytes));

        Assert.True(error.Offset == offset, $"{problem}: offset {error.Offset}, expected {offset} ({error.Message})");
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(at byte {offset})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_length_byte_of_minus_128_is_read_as_a_locked_128_character_name()
    {
        var used = C3dFile.Read(Recording).Parameters.Find("POINT", "USED")!;

        var error = Record.Exception(() => C3dFile.Read(Recording.WithByte(used.Offset, 0x80)));

        // 128 bytes of following records are taken as the name, so what comes after is garbage: any outcome
        // but a format error (the regression was an OverflowException) is wrong.
        Assert.IsType<C3dFormatException>(error);
    }

    [Fact]
    public void Stream_longer_than_the_bound_is_refused_before_reading()
    {
        using var stream = new MemoryStream(Recording);

        var error = Assert.Throws<C3dFormatException>(() => C3dFile.Read(stream, maxBytes: 1024));

        Assert.Contains("more than the 1024 allowed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Position);
    }
}
