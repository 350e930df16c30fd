using System.Globalization;
using TherapyPlatform.Bench.Hosting;

namespace TherapyPlatform.Bench.AnalyticsLoad;

/// <summary>One timed call: its latency, the server's own time (Server-Timing) and what answered (X-Cache).</summary>
internal sealed record Sample(double Milliseconds, double? ServerMilliseconds, string Outcome, int Status);

/// <summary>The analytics benchmark's open-loop runs (<see cref="OpenLoopSchedule"/>) and their table rows.</summary>
internal static class OpenLoop
{
    public static Task<Sample[]> RunAsync(int perSecond, TimeSpan duration, Func<int, Task<Sample>> call) =>
        OpenLoopSchedule.RunAsync((int)(perSecond * duration.TotalSeconds), perSecond, call);

    private static string Milliseconds(double value) =>
        double.IsNaN(value) ? "" : value.ToString("F3", CultureInfo.InvariantCulture);

    public static string Row(string scenario, IReadOnlyList<Sample> samples)
    {
        // Status 0: not an HTTP call (the raw Redis GET), so only its outcome is named.
        var outcomes = string.Join(", ", samples.GroupBy(s => s.Status == 0 ? s.Outcome : $"{s.Status} {s.Outcome}").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        var latencies = samples.Select(s => s.Milliseconds).ToList();
        var server = samples.Where(s => s.ServerMilliseconds is not null).Select(s => s.ServerMilliseconds!.Value).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {samples.Count} | {Percentiles.Of(latencies, 0.5):F2} | {Percentiles.Of(latencies, 0.99):F2} | {latencies.Max():F2} | {Milliseconds(Percentiles.Of(server, 0.5))} | {Milliseconds(Percentiles.Of(server, 0.99))} | {outcomes} |");
    }
}
