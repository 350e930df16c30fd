using System.Globalization;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Emg.Scoring;

namespace TherapyPlatform.Cli.Emg;

/// <summary>The readable report of <c>therapy emg analyze</c>: per muscle metrics, contractions and compliance, then scores.</summary>
public static class EmgReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, SessionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        var facts = analysis.FileFacts;
        output.WriteLine(string.Create(Invariant, $"{facts.File}: {analysis.Channels.Count} muscle(s), {facts.SamplesPerChannel:N0} samples per channel at {facts.AnalogRate:0.###} Hz ({facts.DurationS:0.00} s)"));
        foreach (var (muscle, channel) in analysis.Channels)
        {
            output.WriteLine();
            WriteChannel(output, muscle, channel);
        }

        output.WriteLine();
        WriteScores(output, analysis.Scores);
    }

    private static void WriteChannel(TextWriter output, string muscle, ChannelAnalysis c)
    {
        output.WriteLine(string.Create(Invariant, $"{muscle} ({c.RawLabel}{(c.TimingSource is null ? "" : $", timing from {c.TimingSource}")})"));
        output.WriteLine(string.Create(Invariant, $"  RMS {c.Rms:0.000e+00} V   MAV {c.Mav:0.000e+00} V   MPF {Hz(c.Mpf)}   MDF {Hz(c.Mdf)}   FI_nsm5 {Sci(c.FatigueIndexFiNsm5)}"));
        if (!c.SignalValid)
        {
            output.WriteLine($"  signal gate: {c.SignalMessage}; no envelope or contractions");
            return;
        }

        if (c.Mvc is { } mvc)
        {
            output.WriteLine(string.Create(Invariant, $"  MVC threshold {Sci(mvc.Threshold)} V = {mvc.ThresholdPercentage:0.#} % of {Sci(mvc.MvcValue)} V ({mvc.Method})"));
        }

        output.WriteLine(string.Create(Invariant, $"  contractions {c.ContractionCount}: good {c.GoodContractionCount}, MVC-compliant {c.MvcCompliantCount}, duration-compliant {c.DurationCompliantCount} (>= {c.DurationThresholdActualValue:0} ms); compliance {c.ComplianceRate * 100:0.0} %"));
        if (c.ContractionCount == 0)
        {
            return;
        }

        output.WriteLine(string.Create(Invariant, $"  duration ms avg {c.AvgDurationMs:0} min {c.MinDurationMs:0} max {c.MaxDurationMs:0}; time under tension {c.TotalTimeUnderTensionMs / 1000:0.00} s; amplitude avg {Sci(c.AvgAmplitude)} max {Sci(c.MaxAmplitude)} V"));
        output.WriteLine("     #   start s     end s  duration ms   mean V      max V      MVC  dur  good");
        var number = 1;
        foreach (var k in c.Contractions)
        {
            output.WriteLine(string.Create(Invariant, $"  {number++,4} {k.StartTimeMs / 1000,9:0.000} {k.EndTimeMs / 1000,9:0.000} {k.DurationMs,12:0.0}   {Sci(k.MeanAmplitude),-10} {Sci(k.MaxAmplitude),-10} {YesNo(k.MeetsMvc),-4} {YesNo(k.MeetsDuration),-4} {YesNo(k.IsGood)}"));
        }
    }

    private static void WriteScores(TextWriter output, ClinicalScores s)
    {
        output.WriteLine("Scores (0-100)");
        foreach (var (muscle, score) in s.MuscleCompliance)
        {
            output.WriteLine(string.Create(Invariant, $"  {muscle} compliance {score:0.0} (target {s.TargetContractions} contractions)"));
        }

        var pressure = s.BfrPressureAop is { } p ? string.Create(Invariant, $"{p:0.#} % AOP") : "not recorded";
        output.WriteLine(string.Create(Invariant, $"  BFR gate {s.BfrGate:0} (pressure {pressure})"));
        output.WriteLine(string.Create(Invariant, $"  compliance {Score(s.Compliance)}   symmetry {Score(s.Symmetry)}   effort {Score(s.Effort)}{(s.Rpe is { } rpe ? string.Create(Invariant, $" (RPE {rpe})") : "")}   game {Score(s.Game)}"));
        output.WriteLine(string.Create(Invariant, $"  overall {Score(s.Overall)}"));
    }

    private static string Hz(double? value) => value is { } v ? string.Create(Invariant, $"{v:0.0} Hz") : "n/a";

    private static string Sci(double? value) => value is { } v ? v.ToString("0.000e+00", Invariant) : "n/a";

    private static string Score(double? value) => value is { } v ? v.ToString("0.0", Invariant) : "n/a";

    private static string YesNo(bool value) => value ? "yes" : "no";
}
