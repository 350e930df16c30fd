using System.CommandLine;
using System.Text.Json;
using TherapyPlatform.Cli.Emg;
using TherapyPlatform.Emg.Tests.Support;

namespace TherapyPlatform.Emg.Tests.Cli;

public sealed class EmgCommandTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"emg-{Guid.NewGuid():N}.c3d");

    public EmgCommandTests() => File.WriteAllBytes(path, GhostlySession.Writer().ToArray());

    public void Dispose() => File.Delete(path);

    [Fact]
    public void Json_output_has_file_facts_channels_and_scores()
    {
        var (code, output, _) = Run("emg", "analyze", path, "--json", "--rpe", "5");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["file_facts", "channels", "scores"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("channels").GetProperty("CH1").GetProperty("contraction_count").GetInt32());
        Assert.Equal(100, root.GetProperty("scores").GetProperty("effort").GetDouble());
        Assert.Equal(Path.GetFileName(path), root.GetProperty("file_facts").GetProperty("file").GetString());
    }

    [Fact]
    public void Options_set_the_session()
    {
        var (code, output, _) = Run(
            "emg", "analyze", path, "--json", "--mvc", "CH1=0.002,CH2=0.0001", "--mvc-threshold-pct", "50",
            "--duration-threshold-ms", "900", "--target-contractions", "4");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        var ch1 = root.GetProperty("channels").GetProperty("CH1");
        Assert.Equal(0.001, ch1.GetProperty("mvc75_threshold").GetDouble(), tolerance: 1e-15);
        Assert.Equal("channel_mvc", ch1.GetProperty("mvc").GetProperty("method").GetString());
        Assert.Equal(900, ch1.GetProperty("duration_threshold_actual_value").GetDouble());
        Assert.Equal(3, ch1.GetProperty("duration_compliant_count").GetInt32());
        Assert.Equal(4, root.GetProperty("scores").GetProperty("target_contractions").GetInt32());

        var (_, single, _) = Run("emg", "analyze", path, "--json", "--mvc", "0.0004");
        Assert.Equal("session_mvc", JsonDocument.Parse(single).RootElement.GetProperty("channels").GetProperty("CH2").GetProperty("mvc").GetProperty("method").GetString());
    }

    [Fact]
    public void The_readable_report_lists_muscles_contractions_and_scores()
    {
        var (code, output, _) = Run("emg", "analyze", path);
        Assert.Equal(0, code);
        Assert.Contains("CH1 (CH1 Raw, timing from CH1 activated)", output, StringComparison.Ordinal);
        Assert.Contains("contractions 3: good 2", output, StringComparison.Ordinal);
        Assert.Contains("Scores (0-100)", output, StringComparison.Ordinal);
        Assert.Contains("overall", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mvc", "CH1=abc")]
    [InlineData("--mvc", "=0.1")]
    [InlineData("--mvc-threshold-pct", "-5")]
    [InlineData("--duration-threshold-ms", "0")]
    public void Bad_option_values_are_parse_errors(string option, string value)
    {
        var (code, _, error) = Run("emg", "analyze", path, option, value);
        Assert.NotEqual(0, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_settings_and_unreadable_files_have_their_exit_codes()
    {
        var (settingsCode, _, settingsError) = Run("emg", "analyze", path, "--rpe", "12");
        Assert.Equal(EmgCommand.BadSettingsExitCode, settingsCode);
        Assert.Contains("RPE", settingsError, StringComparison.Ordinal);

        var notC3d = Path.GetTempFileName();
        try
        {
            File.WriteAllText(notC3d, "not a C3D file");
            var (code, _, error) = Run("emg", "analyze", notC3d);
            Assert.Equal(EmgCommand.BadFileExitCode, code);
            Assert.StartsWith("error:", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notC3d);
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(EmgCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
