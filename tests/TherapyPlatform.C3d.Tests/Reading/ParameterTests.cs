using TherapyPlatform.C3d.Tests.Fixtures;

namespace TherapyPlatform.C3d.Tests.Reading;

public sealed class ParameterTests
{
    private readonly C3dFile file = C3dFile.Read(GhostlyRecording.Create(frames: 3));

    [Fact]
    public void Groups_and_parameters_are_found_case_insensitively()
    {
        Assert.Equal(["POINT", "ANALOG", "SUBJECTS", "INFO"], file.Parameters.Groups.Select(g => g.Name));
        Assert.Same(file.Parameters.Find("INFO", "GAME_NAME"), file.Parameters.Find(" info", "game_name "));
        Assert.Null(file.Parameters.Find("INFO", "MISSING"));
        Assert.Null(file.Parameters.Find("MISSING", "GAME_NAME"));
    }

    [Fact]
    public void Char_arrays_have_dimensions_and_trimmed_strings()
    {
        var time = file.Parameters.Find("INFO", "TIME")!;

        Assert.Equal(C3dParameterType.Char, time.Type);
        Assert.Equal([4, 5], time.Dimensions);
        Assert.Equal(["2023", "3", "21", "17", "50"], time.GetStrings());
        Assert.Equal("---", file.Parameters.Find("INFO", "GAME_LEVEL_NAME")!.GetString());
    }

    [Fact]
    public void Numeric_parameters_have_typed_accessors()
    {
        var scale = file.Parameters.Find("ANALOG", "SCALE")!;
        var level = file.Parameters.Find("INFO", "GAME_LEVEL")!;

        Assert.Equal(C3dParameterType.Float, scale.Type);
        Assert.Equal([4], scale.Dimensions);
        Assert.Equal([1f, 1f, 1f, 1f], scale.GetFloats());
        Assert.Equal(C3dParameterType.Int16, level.Type);
        Assert.Empty(level.Dimensions);
        Assert.Equal(2, level.GetInt16());
        Assert.Equal(2f, level.GetSingle());
        Assert.Equal([2.0], level.GetNumbers());
    }

    [Fact]
    public void Wrong_accessor_or_index_is_an_error()
    {
        var name = file.Parameters.Find("INFO", "GAME_NAME")!;
        var level = file.Parameters.Find("INFO", "GAME_LEVEL")!;

        Assert.Throws<InvalidOperationException>(() => name.GetFloats());
        Assert.Throws<InvalidOperationException>(() => name.GetNumber());
        Assert.Throws<InvalidOperationException>(() => level.GetString());
        Assert.Throws<ArgumentOutOfRangeException>(() => level.GetNumber(1));
    }

    [Fact]
    public void Locked_flag_and_descriptions_are_read()
    {
        var bytes = new C3dWriter { AnalogRate = 10 }.AddAnalog("A", [1])
            .AddParameter("THERAPY", "PLAN", "daily", "exercise plan").ToArray();
        var plan = C3dFile.Read(bytes).Parameters.Find("THERAPY", "PLAN")!;
        var locked = bytes.WithByte(plan.Offset, unchecked((byte)-4));

        var reread = C3dFile.Read(locked).Parameters.Find("THERAPY", "PLAN")!;

        Assert.False(plan.IsLocked);
        Assert.True(reread.IsLocked);
        Assert.Equal("exercise plan", reread.Description);
        Assert.Equal("daily", reread.GetString());
    }
}
