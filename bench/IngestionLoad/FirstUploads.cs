using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using TherapyPlatform.C3d;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Bench.IngestionLoad;

/// <summary>
/// The first uploads after the platform reports healthy (issue 5: "Analyzed within 2 s" holds for the very first one
/// too?): real GHOSTLY files one at a time, each as a user would, the ack timed by the client and the pipeline's steps
/// from the session's own timestamps (received, analysis started, analysed), then the first analytics read.
/// </summary>
internal static class FirstUploads
{
    public static async Task<bool> RunAsync(Platform platform, int count)
    {
        // The client's own first request (its JIT and connection) is not the platform's: warm it on another service.
        using (await platform.Signals.GetAsync(new Uri("/alive", UriKind.Relative)))
        {
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, load average {Platform.LoadAverage()} when the platform reported healthy"));
        Console.WriteLine();
        Console.WriteLine("| upload | file | ack ms | received -> started ms | started -> analysed ms | received -> analysed ms | seen Analyzed after ms | first analytics GET ms |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---|");
        var ok = true;
        var index = 0;
        foreach (var (name, content) in Files().Take(count))
        {
            index++;
            var started = Stopwatch.GetTimestamp();
            var ack = await platform.UploadAsync(content);
            if (ack is not { Status: HttpStatusCode.Accepted, SessionId: { } id })
            {
                Console.WriteLine($"| {index} | {name} | upload answered {ack.Status} | | | | | |");
                ok = false;
                continue;
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var session = await platform.UntilEndedAsync(id, TimeSpan.FromMilliseconds(10), deadline.Token);
            var seenMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var received = session.GetProperty("receivedAt").GetDateTimeOffset();
            var analysisStarted = session.GetProperty("analysisStartedAt").GetDateTimeOffset();
            var analysed = session.GetProperty("analyzedAt").GetDateTimeOffset();
            var read = Stopwatch.GetTimestamp();
            using var analytics = await platform.Analytics.GetAsync(new Uri($"/api/sessions/{id}/analytics", UriKind.Relative));
            _ = await analytics.Content.ReadAsByteArrayAsync();
            var readMs = Stopwatch.GetElapsedTime(read).TotalMilliseconds;
            var cache = analytics.Headers.TryGetValues("X-Cache", out var values) ? values.First() : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {index} | {name} | {ack.Milliseconds:F0} | {(analysisStarted - received).TotalMilliseconds:F0} | {(analysed - analysisStarted).TotalMilliseconds:F0} | {(analysed - received).TotalMilliseconds:F0} | {seenMs:F0} | {readMs:F1} ({(int)analytics.StatusCode} {cache}) |"));
            ok &= session.GetProperty("status").GetString() == "Analyzed" && analytics.StatusCode == HttpStatusCode.OK;
        }

        return ok;
    }

    /// <summary>The real GHOSTLY files when <c>../shared/</c> is there, else generated 60 s files of the same shape.</summary>
    private static IEnumerable<(string Name, byte[] Content)> Files() =>
        SharedData.IsAvailable
            ? Directory.GetFiles(SharedData.PathOf("c3d", "ghostly"), "*.c3d").Order(StringComparer.Ordinal)
                .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))
            : Enumerable.Range(0, int.MaxValue).Select(i => ($"generated {i + 1}", GhostlyFiles.Create(seed: 3_000_000 + i, seconds: 60)));
}
