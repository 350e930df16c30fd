using System.Diagnostics;
using System.Globalization;
using System.Net;
using TherapyPlatform.Bench.Hosting;
using TherapyPlatform.C3d;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Bench.IngestionLoad;

/// <summary>
/// Upload acknowledgement latency (bench/README.md, "Ingestion"): after a warm-up of 20 uploads (analysed, then the
/// machine quiet again), N distinct small GHOSTLY-shaped files uploaded back to back, each as soon as the previous one
/// was answered (the time until each 202), then the time until all are Analyzed.
/// </summary>
internal static class AckLatency
{
    public static async Task<bool> RunAsync(Platform platform, int count, double seconds)
    {
        // Warm-up: JIT, connection pools, Marten's first queries.
        var warmup = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            warmup.Add(Accepted(await platform.UploadAsync(GhostlyFiles.Create(seed: 1_000_000 + i, seconds))));
        }

        await platform.UntilDoneAsync(warmup, TimeSpan.FromMinutes(10));
        var quiet = await BenchPlatform.UntilQuietAsync();

        var files = Enumerable.Range(0, count).Select(i => GhostlyFiles.Create(seed: 2_000_000 + i, seconds)).ToList();
        var latencies = new List<double>();
        var ids = new List<Guid>();
        var run = Stopwatch.StartNew();
        foreach (var content in files)
        {
            var ack = await platform.UploadAsync(content);
            ids.Add(Accepted(ack));
            latencies.Add(ack.Milliseconds);
        }

        var uploadSeconds = run.Elapsed.TotalSeconds;
        await platform.UntilDoneAsync(ids, TimeSpan.FromMinutes(10));
        var allAnalyzedSeconds = run.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {quiet:P0} busy when the uploads began, load average {Platform.LoadAverage()}; {count} distinct files of {files[0].Length:N0} bytes ({seconds} s, 4 channels)"));
        Console.WriteLine();
        Console.WriteLine("| upload ack | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count} sequential uploads | {Percentiles.Of(latencies, 0.50):F1} | {Percentiles.Of(latencies, 0.95):F1} | {Percentiles.Of(latencies, 0.99):F1} | {latencies.Max():F1} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Uploads took {uploadSeconds:F1} s ({count / uploadSeconds:F1}/s); all {count} analysed {allAnalyzedSeconds:F1} s after the first upload ({count / allAnalyzedSeconds:F1} analyses/s with 2 Analytics replicas)."));
        return true;
    }

    private static Guid Accepted(Ack ack) => ack.Status == HttpStatusCode.Accepted && ack.SessionId is { } id
        ? id
        : throw new InvalidOperationException($"upload answered {ack.Status}");
}
