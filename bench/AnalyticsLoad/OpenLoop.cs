using System.Diagnostics;
using System.Globalization;

namespace TherapyPlatform.Bench.AnalyticsLoad;

/// <summary>One timed call: its latency, the server's own time (Server-Timing) and what answered (X-Cache).</summary>
internal sealed record Sample(double Milliseconds, double? ServerMilliseconds, string Outcome, int Status);

/// <summary>
/// An open-loop load: call i starts at start + i / rate whatever the earlier calls are doing, so a slow answer
/// cannot hide the ones queued behind it (no coordinated omission). Bounded by count and time.
/// </summary>
internal static class OpenLoop
{
    public static async Task<IReadOnlyList<Sample>> RunAsync(int perSecond, TimeSpan duration, Func<int, Task<Sample>> call)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var calls = new List<Task<Sample>>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var wait = interval * i - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            calls.Add(Task.Run(() => call(i)));
        }

        return await Task.WhenAll(calls);
    }

    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Milliseconds(double value) =>
        double.IsNaN(value) ? "" : value.ToString("F3", CultureInfo.InvariantCulture);

    public static string Row(string scenario, IReadOnlyList<Sample> samples)
    {
        // Status 0: not an HTTP call (the raw Redis GET), so only its outcome is named.
        var outcomes = string.Join(", ", samples.GroupBy(s => s.Status == 0 ? s.Outcome : $"{s.Status} {s.Outcome}").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        var latencies = samples.Select(s => s.Milliseconds).ToList();
        var server = samples.Where(s => s.ServerMilliseconds is not null).Select(s => s.ServerMilliseconds!.Value).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {samples.Count} | {Percentile(latencies, 0.5):F2} | {Percentile(latencies, 0.99):F2} | {latencies.Max():F2} | {Milliseconds(Percentile(server, 0.5))} | {Milliseconds(Percentile(server, 0.99))} | {outcomes} |");
    }
}
