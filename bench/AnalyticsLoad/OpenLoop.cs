using System.Globalization;
using TherapyPlatform.Bench.Hosting;

namespace TherapyPlatform.Bench.AnalyticsLoad;

/// <summary>One timed call: its latency, the server's own time (Server-Timing) and what answered (X-Cache).</summary>
internal sealed record Sample(double Milliseconds, double? ServerMilliseconds, string Outcome, int Status);

/// <summary>A scenario's samples and what the whole machine spent per call on them (null where not Linux).</summary>
internal sealed record Measurement(Sample[] Samples, (double CpuMilliseconds, double ContextSwitches)? MachinePerCall);

/// <summary>The analytics benchmark's open-loop runs (<see cref="OpenLoopSchedule"/>) and their table rows.</summary>
internal static class OpenLoop
{
    public static Task<Sample[]> RunAsync(int perSecond, TimeSpan duration, Func<int, Task<Sample>> call) =>
        OpenLoopSchedule.RunAsync((int)(perSecond * duration.TotalSeconds), perSecond, call);

    /// <summary>A timed run that also reads the machine's CPU time and context switches around it.</summary>
    public static async Task<Measurement> MeasureAsync(int perSecond, TimeSpan duration, Func<int, Task<Sample>> call)
    {
        var before = MachineCounters.Read();
        var samples = await RunAsync(perSecond, duration, call);
        return new Measurement(samples, before is { } start && MachineCounters.Read() is { } end ? end.PerCallSince(start, samples.Length) : null);
    }

    private static string Milliseconds(double value) =>
        double.IsNaN(value) ? "" : value.ToString("F3", CultureInfo.InvariantCulture);

    public static string Row(string scenario, Measurement measurement)
    {
        var samples = measurement.Samples;
        // Status 0: not an HTTP call (the raw Redis GET), so only its outcome is named.
        var outcomes = string.Join(", ", samples.GroupBy(s => s.Status == 0 ? s.Outcome : $"{s.Status} {s.Outcome}").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        var latencies = samples.Select(s => s.Milliseconds).ToList();
        var server = samples.Where(s => s.ServerMilliseconds is not null).Select(s => s.ServerMilliseconds!.Value).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {samples.Length} | {Percentiles.Of(latencies, 0.5):F2} | {Percentiles.Of(latencies, 0.99):F2} | {latencies.Max():F2} | {Milliseconds(Percentiles.Of(server, 0.5))} | {Milliseconds(Percentiles.Of(server, 0.99))} | {measurement.MachinePerCall?.CpuMilliseconds:F2} | {measurement.MachinePerCall?.ContextSwitches:F0} | {outcomes} |");
    }
}
