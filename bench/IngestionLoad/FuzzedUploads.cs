using System.Globalization;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Bench.IngestionLoad;

/// <summary>
/// The full fuzz scenario of issue 8 (CI uploads the first 1,000): the C3D library's mutations of small GHOSTLY-shaped
/// seeds uploaded 8 at a time (<see cref="FuzzedUploadRun"/>); every answer must be 400 with a reason or a session that
/// ends Analyzed (its analytics and signals readable) or Failed with a reason, and afterwards every resource instance
/// must be the same process as before, running and healthy.
/// </summary>
internal static class FuzzedUploads
{
    public static async Task<bool> RunAsync(Platform platform, int count)
    {
        var before = await platform.InstancesAsync();
        var run = new FuzzedUploadRun(platform.Ingestion, platform.Analytics, platform.Signals);
        var uploading = await run.UploadAsync(FuzzedUploadRun.Corpus(count), concurrency: 8);
        var following = await run.WaitForOutcomesAsync(TimeSpan.FromMinutes(30));
        var after = await platform.InstancesAsync();
        var unchanged = before.SequenceEqual(after) && after.All(i => i.Contains(" Running Healthy ", StringComparison.Ordinal));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fuzzed uploads: {count:N0} in {uploading.TotalSeconds:F1} s ({count / uploading.TotalSeconds:F0}/s); answers {Tally(run.Answers)}; " +
            $"{run.Sessions.Count:N0} sessions ended {Tally(run.Outcomes)}, the last {following.TotalSeconds:F1} s after the last upload; " +
            $"{run.Unexplained.Count} unexplained; resources {(unchanged ? "the same processes, running and healthy" : "CHANGED")} (load {Platform.LoadAverage()})"));
        foreach (var problem in run.Unexplained.Take(10))
        {
            Console.WriteLine($"  {problem}");
        }

        if (!unchanged)
        {
            Console.WriteLine($"  before: {string.Join("; ", before)}");
            Console.WriteLine($"  after:  {string.Join("; ", after)}");
        }

        return run.Unexplained.Count == 0 && unchanged;
    }

    private static string Tally<TKey>(IReadOnlyDictionary<TKey, int> counts) where TKey : notnull =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value:N0}"));
}
