using System.CommandLine;
using TherapyPlatform.C3d;

namespace TherapyPlatform.Cli.C3d;

/// <summary><c>therapy c3d inspect FILE [--json] [--params]</c>.</summary>
public static class C3dCommand
{
    /// <summary>Exit code for a file that cannot be read or is not valid C3D.</summary>
    public const int BadFileExitCode = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The C3D file to read" };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object (the shape of an entry of shared/c3d/expected.json)",
        };
        var parameters = new Option<bool>("--params") { Description = "Also list every group and parameter" };

        var inspect = new Command("inspect", "Summarise a C3D file: processor, format, rates, frames, channels");
        inspect.Arguments.Add(file);
        inspect.Options.Add(json);
        inspect.Options.Add(parameters);
        inspect.SetAction(result => Inspect(
            result.GetRequiredValue(file),
            result.GetValue(json),
            result.GetValue(parameters),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));

        var c3d = new Command("c3d", "Read C3D motion-capture and EMG recordings");
        c3d.Subcommands.Add(inspect);
        return c3d;
    }

    private static int Inspect(FileInfo file, bool json, bool withParameters, TextWriter output, TextWriter error)
    {
        C3dFile c3d;
        try
        {
            c3d = C3dFile.Read(File.ReadAllBytes(file.FullName));
        }
        catch (Exception e) when (e is C3dFormatException or IOException or UnauthorizedAccessException)
        {
            if (json)
            {
                InspectJson.WriteError(output, e.Message);
            }
            else
            {
                error.WriteLine($"error: {file.Name}: {e.Message}");
            }

            return BadFileExitCode;
        }

        var report = InspectReport.Of(c3d, file.Length);
        if (json)
        {
            InspectJson.Write(output, report, withParameters ? c3d.Parameters : null);
        }
        else
        {
            InspectText.Write(output, file.Name, report, c3d, withParameters);
        }

        return 0;
    }
}
