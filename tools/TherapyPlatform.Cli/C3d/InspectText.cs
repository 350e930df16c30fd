using System.Globalization;
using TherapyPlatform.C3d;

namespace TherapyPlatform.Cli.C3d;

/// <summary>The readable summary printed without <c>--json</c>.</summary>
public static class InspectText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, string name, InspectReport report, C3dFile file, bool withParameters)
    {
        var duration = file.AnalogRate > 0 && file.Analogs.Count > 0
            ? file.Analogs[0].Samples.Length / file.AnalogRate
            : file.PointRate > 0 ? file.Frames / file.PointRate : 0;

        Line(output, $"{name} ({report.Size:N0} bytes)");
        output.WriteLine($"  processor   {report.Processor}");
        output.WriteLine($"  format      {(report.IsFloat ? "float" : "int16")}" +
                         $"{(report.IsUnsignedAnalog ? ", unsigned analog" : string.Empty)}");
        Line(output,
            $"  rates       points {report.PointRate:0.###} Hz, analog {report.AnalogRate:0.###} Hz ({file.AnalogSamplesPerFrame} per frame)");
        Line(output, $"  frames      {report.Frames:N0}");
        Line(output, $"  duration    {duration:0.###} s");
        Line(output, $"  points      {report.Points}");
        Line(output, $"  events      {file.Events.Count}");
        output.WriteLine($"  groups      {string.Join(", ", report.Groups)}");
        Line(output, $"  channels    {report.Analog.Count}");
        foreach (var channel in report.Analog)
        {
            var mean = channel.Count > 0 ? channel.Sum / channel.Count : 0;
            Line(output,
                $"    {Label(channel.Label),-24} n={channel.Count,-8} min={channel.Min:G6} max={channel.Max:G6} mean={mean:G6}");
        }

        if (file.Ghostly is { } ghostly)
        {
            WriteGhostly(output, ghostly);
        }

        if (withParameters)
        {
            WriteParameters(output, file.Parameters);
        }
    }

    private static void WriteGhostly(TextWriter output, GhostlyMetadata ghostly)
    {
        output.WriteLine("  GHOSTLY");
        output.WriteLine($"    game        {ghostly.GameName} (level {ghostly.GameLevel} {ghostly.GameLevelName})");
        output.WriteLine($"    version     {ghostly.Version}");
        Line(output, $"    started     {ghostly.Time:yyyy-MM-dd HH:mm}");
        Line(output,
            $"    duration    {ghostly.DurationSeconds} s declared, {ghostly.RecordedDuration.TotalSeconds:0.###} s recorded");
        output.WriteLine($"    therapist   {ghostly.TherapistId}, group {ghostly.GroupId}");
        Line(output, $"    player      {ghostly.PlayerName}, score {ghostly.GameScore}");
        output.WriteLine($"    marker set  {ghostly.MarkerSet}");
    }

    private static void WriteParameters(TextWriter output, C3dParameters parameters)
    {
        output.WriteLine("  parameters");
        foreach (var group in parameters.Groups)
        {
            output.WriteLine($"    {group.Name}{(group.Description.Length > 0 ? $"  ({group.Description})" : "")}");
            foreach (var parameter in group.Parameters)
            {
                output.WriteLine($"      {parameter}");
            }
        }
    }

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(text.ToString(Invariant));

    private static string Label(string label) => label.Length > 0 ? label : "(no label)";
}
