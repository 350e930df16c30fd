using System.Diagnostics;
using System.Globalization;
using System.Net;
using TherapyPlatform.Bench.Hosting;
using TherapyPlatform.C3d;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Bench.IngestionLoad;

/// <summary>
/// Sustained upload rate (issue 8): an open-loop ramp of distinct uploads (12 s GHOSTLY-shaped files of 191 KB, each a
/// copy of one file with a unique tail), one step per rate. Upload i of a step starts at i / rate whatever the earlier
/// ones are doing, so a slow answer cannot hide those queued behind it. A step passes when every upload is 202 and
/// the p99 ack is at most 100 ms; the run stops at the first step that does not, and the sustained rate is the last
/// passing one. Between steps every session of the step is analysed first, so each step starts from an idle
/// platform and its figures include the analysis work its own uploads cause.
/// </summary>
internal static class UploadRamp
{
    public const double MaxP99Milliseconds = 100;
    private static readonly int[] Rates = [5, 10, 20, 30, 40, 50, 60, 80, 100, 125, 150, 200, 250, 300];

    public static async Task<bool> RunAsync(Platform platform, int stepSeconds)
    {
        var file = GhostlyFiles.Create(seed: 3_000_000, seconds: 12);
        var warmup = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            warmup.AddRange((await platform.UploadAsync(SessionUploads.UniqueCopy(file))).SessionId is { } id ? [id] : []);
        }

        await platform.UntilDoneAsync(warmup, TimeSpan.FromMinutes(5));
        Console.WriteLine($"Upload ramp: {stepSeconds} s per step, files of {SessionUploads.UniqueCopy(file).Length:N0} bytes; {Environment.ProcessorCount} cores, load average {Platform.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| offered uploads/s | uploads | answered/s | p50 ms | p95 ms | p99 ms | max ms | not 202 | step | all analysed after |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        var sustained = 0;
        foreach (var rate in Rates)
        {
            var (acks, elapsed) = await OpenLoopAsync(platform, file, rate, stepSeconds);
            var drain = Stopwatch.StartNew();
            await platform.UntilDoneAsync(acks.Where(a => a.SessionId is not null).Select(a => a.SessionId!.Value), TimeSpan.FromMinutes(10));
            var latencies = acks.Select(a => a.Milliseconds).ToList();
            var errors = acks.Count(a => a.Status != HttpStatusCode.Accepted);
            var p99 = Percentiles.Of(latencies, 0.99);
            var passed = errors == 0 && p99 <= MaxP99Milliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {acks.Count} | {acks.Count / elapsed.TotalSeconds:F1} | {Percentiles.Of(latencies, 0.50):F1} | {Percentiles.Of(latencies, 0.95):F1} | {p99:F1} | {latencies.Max():F1} | {errors}{Statuses(acks)} | {(passed ? "pass" : "fail")} | {drain.Elapsed.TotalSeconds:F1} s |"));
            if (!passed)
            {
                break;
            }

            sustained = rate;
        }

        Console.WriteLine();
        Console.WriteLine($"Sustained: {sustained} uploads/s (the last step with every upload 202 and p99 ack <= {MaxP99Milliseconds} ms).");
        return sustained > 0;
    }

    private static async Task<(IReadOnlyList<Ack> Acks, TimeSpan Elapsed)> OpenLoopAsync(Platform platform, byte[] file, int rate, int seconds)
    {
        var start = Stopwatch.GetTimestamp();
        var acks = await OpenLoopSchedule.RunAsync(rate * seconds, rate, _ => platform.UploadAsync(SessionUploads.UniqueCopy(file)));
        return (acks, Stopwatch.GetElapsedTime(start));
    }

    private static string Statuses(IEnumerable<Ack> acks) =>
        string.Concat(acks.Where(a => a.Status != HttpStatusCode.Accepted).GroupBy(a => (int)a.Status).Select(g => $" ({g.Key}: {g.Count()})"));
}
