using System.CommandLine;
using System.Text.Json.Nodes;
using TherapyPlatform.C3d.Tests.Conformance;
using TherapyPlatform.C3d.Tests.Fixtures;
using TherapyPlatform.Cli.C3d;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.C3d.Tests.Cli;

/// <summary><c>therapy c3d inspect</c>, run in-process through System.CommandLine with captured output.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("c3d-inspect-").FullName;

    [SharedDataTheory]
    [MemberData(nameof(ExpectedC3d.FileNames), MemberType = typeof(ExpectedC3d))]
    public void Json_output_equals_the_expected_entry(string name)
    {
        var (exitCode, output, _) = Run("c3d", "inspect", ExpectedC3d.PathOf(name), "--json");

        var expected = ExpectedC3d.Entry(name);
        var actual = JsonNode.Parse(output)!.AsObject();
        if (expected["error"] is not null)
        {
            Assert.Equal(C3dCommand.BadFileExitCode, exitCode);
            Assert.Contains("empty file", Assert.Single(actual).Value!.GetValue<string>(), StringComparison.Ordinal);
            return;
        }

        Assert.Equal(0, exitCode);
        ExpectedC3d.AssertMatches(expected, actual, name);
    }

    [Fact]
    public void Json_output_of_a_generated_recording_has_the_expected_shape_and_values()
    {
        var path = Save("ghostly.c3d", GhostlyRecording.Create(frames: 10));

        var (exitCode, output, _) = Run("c3d", "inspect", path, "--json");

        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(
            ["size", "processor", "float", "unsigned_analog", "points", "point_rate", "analog_rate", "frames",
                "groups", "analog"],
            json.Select(p => p.Key));
        Assert.Equal("Intel", json["processor"]!.GetValue<string>());
        Assert.Equal(990, json["analog_rate"]!.GetValue<double>());
        Assert.Equal(["ANALOG", "INFO", "POINT", "SUBJECTS"], json["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        var channel = json["analog"]![0]!.AsObject();
        var samples = GhostlyRecording.Emg(300, 0);
        Assert.Equal("CH1 Raw", channel["label"]!.GetValue<string>());
        Assert.Equal(300, channel["n"]!.GetValue<int>());
        ExpectedC3d.AssertClose(samples.Sum(), channel["sum"]!.GetValue<double>(), "sum");
        Assert.Equal(samples.Min(), channel["min"]!.GetValue<double>());
        Assert.Equal(samples.Take(3), channel["first"]!.AsArray().Select(v => v!.GetValue<double>()));
    }

    [Fact]
    public void Params_option_adds_every_parameter()
    {
        var path = Save("ghostly.c3d", GhostlyRecording.Create(frames: 5));

        var (_, json, _) = Run("c3d", "inspect", path, "--json", "--params");
        var (_, text, _) = Run("c3d", "inspect", path, "--params");

        var info = JsonNode.Parse(json)!["parameters"]!["INFO"]!;
        Assert.Equal(["2023", "3", "21", "17", "50"], info["TIME"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(2, info["GAME_LEVEL"]![0]!.GetValue<double>());
        Assert.Contains("GAME_NAME char[7] = Ghostly", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_shows_format_rates_channels_and_ghostly_metadata()
    {
        var path = Save("ghostly.c3d", GhostlyRecording.Create(frames: 33));

        var (exitCode, output, _) = Run("c3d", "inspect", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("processor   Intel", output, StringComparison.Ordinal);
        Assert.Contains("format      float", output, StringComparison.Ordinal);
        Assert.Contains("points 33 Hz, analog 990 Hz (30 per frame)", output, StringComparison.Ordinal);
        Assert.Contains("duration    1 s", output, StringComparison.Ordinal);
        Assert.Contains("CH2 activated", output, StringComparison.Ordinal);
        Assert.Contains("game        Ghostly (level 2 ---)", output, StringComparison.Ordinal);
        Assert.Contains("started     2023-03-21 17:50", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "empty file (0 bytes) (at byte 0)")]
    [InlineData(100, "truncated header: 100 bytes, the header block has 512 (at byte 100)")]
    public void Bad_file_prints_an_error_object_and_exits_2(int length, string reason)
    {
        var path = Save("bad.c3d", GhostlyRecording.Create(frames: 5).Truncated(length));

        var (exitCode, output, _) = Run("c3d", "inspect", path, "--json");

        Assert.Equal(2, exitCode);
        Assert.Equal(reason, JsonNode.Parse(output)!["error"]!.GetValue<string>());
    }

    [Fact]
    public void Missing_file_exits_2_with_the_reason_on_stderr()
    {
        var (exitCode, output, error) = Run("c3d", "inspect", Path.Combine(directory, "absent.c3d"));

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("error: absent.c3d:", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(C3dCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
