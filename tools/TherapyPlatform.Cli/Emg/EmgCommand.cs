using System.CommandLine;
using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Cli.Emg;

/// <summary>
/// <c>therapy emg analyze FILE [--json] [--mvc CH1=V,...] [--mvc-threshold-pct P] [--duration-threshold-ms D]
/// [--target-contractions N] [--bfr-pressure P] [--rpe N] [--game-max-points N]</c>.
/// </summary>
public static class EmgCommand
{
    /// <summary>Exit code for a file that cannot be read or is not valid C3D (as <c>c3d inspect</c>).</summary>
    public const int BadFileExitCode = 2;

    /// <summary>Exit code for session settings the analysis refuses (e.g. an RPE of 12).</summary>
    public const int BadSettingsExitCode = 3;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The C3D session file" };
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"file_facts\", \"channels\", \"scores\"} with the golden report's key names",
        };
        var mvc = new Option<MvcOption?>("--mvc")
        {
            Description = "MVC in volts per muscle (CH1=0.0002,CH2=0.0003) or one value for all; default: 95th percentile of the envelope",
            CustomParser = MvcOption.Parse,
        };
        var threshold = Positive(new Option<double?>("--mvc-threshold-pct") { Description = "Share of the MVC a contraction must reach, % (default 75)" });
        var duration = Positive(new Option<double?>("--duration-threshold-ms") { Description = "Minimum duration of a good contraction, ms (default 2000)" });
        var target = new Option<int?>("--target-contractions") { Description = "Contractions expected per muscle (default 12)" };
        var bfr = new Option<double?>("--bfr-pressure") { Description = "BFR cuff pressure, % of arterial occlusion pressure" };
        var rpe = new Option<int?>("--rpe") { Description = "The patient's rating of perceived exertion, 0-10" };
        var gameMax = Positive(new Option<double?>("--game-max-points") { Description = "Maximum game points (the game score is read from the file)" });

        var analyze = new Command("analyze", "EMG analytics and clinical scores of a session file");
        analyze.Arguments.Add(file);
        foreach (var option in new Option[] { json, mvc, threshold, duration, target, bfr, rpe, gameMax })
        {
            analyze.Options.Add(option);
        }

        analyze.SetAction(result =>
        {
            var mvcValues = result.GetValue(mvc);
            var settings = new SessionSettings
            {
                MvcByChannel = mvcValues?.ByChannel,
                SessionMvc = mvcValues?.Session,
                MvcThresholdPercent = result.GetValue(threshold),
                DurationThresholdMs = result.GetValue(duration),
                TargetContractions = result.GetValue(target),
                BfrPressureAop = result.GetValue(bfr),
                Rpe = result.GetValue(rpe),
                GameMaxPoints = result.GetValue(gameMax),
            };
            return Analyze(
                result.GetRequiredValue(file),
                settings,
                result.GetValue(json),
                result.InvocationConfiguration.Output,
                result.InvocationConfiguration.Error);
        });

        var emg = new Command("emg", "EMG analytics of GHOSTLY session recordings");
        emg.Subcommands.Add(analyze);
        return emg;
    }

    private static Option<double?> Positive(Option<double?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValue(option) is { } value && !(value > 0 && double.IsFinite(value)))
            {
                result.AddError($"{option.Name} must be a positive number, not {value}");
            }
        });
        return option;
    }

    private static int Analyze(FileInfo file, SessionSettings settings, bool json, TextWriter output, TextWriter error)
    {
        C3dFile c3d;
        try
        {
            c3d = C3dFile.Read(File.ReadAllBytes(file.FullName));
        }
        catch (Exception e) when (e is C3dFormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {file.Name}: {e.Message}");
            return BadFileExitCode;
        }

        SessionAnalysis analysis;
        try
        {
            analysis = EmgAnalyzer.Analyze(c3d, settings, fileName: file.Name);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {file.Name}: {e.Message}");
            return BadSettingsExitCode;
        }

        if (json)
        {
            output.WriteLine(EmgJson.Serialize(analysis));
        }
        else
        {
            EmgReport.Write(output, analysis);
        }

        return 0;
    }
}
