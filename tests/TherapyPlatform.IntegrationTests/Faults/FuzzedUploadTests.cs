using System.Globalization;
using System.Net;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.TestSupport;
using Xunit.Abstractions;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>
/// Mutated C3D files from the C3D library's fuzz corpus uploaded through Ingestion (<see cref="FuzzedUploadRun"/>):
/// only 400 with a reason, or sessions that end Analyzed (with readable analytics and signals) or Failed with a
/// reason; no 500; and afterwards every resource is the same process as before, running and healthy (nothing crashed
/// or was restarted). CI uploads the first <see cref="Count"/> of the corpus; the full 10,000 run with figures is
/// <c>bench/IngestionLoad fuzz</c>.
/// </summary>
[Collection(FaultPlatformCollection.Name)]
public sealed class FuzzedUploadTests(PlatformFixture platform, ITestOutputHelper output)
{
    public const int Count = 1_000;
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromMinutes(2);

    private readonly PlatformFaults faults = new(platform);

    [Fact]
    public async Task Mutated_C3D_uploads_get_400_or_end_Analyzed_or_Failed_with_a_reason_and_nothing_crashes()
    {
        var before = await ResourcesAsync();
        using var ingestion = platform.CreateClient("ingestion");
        using var analytics = platform.CreateClient("analytics");
        using var signals = platform.CreateClient("signals");
        var run = new FuzzedUploadRun(ingestion, analytics, signals);

        var uploading = await run.UploadAsync(FuzzedUploadRun.Corpus(Count), concurrency: 8);
        var following = await run.WaitForOutcomesAsync(OutcomeTimeout);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count} uploads in {uploading.TotalSeconds:F1} s ({Count / uploading.TotalSeconds:F0}/s); answers {Tally(run.Answers)}; " +
            $"{run.Sessions.Count} sessions ended {Tally(run.Outcomes)} within {following.TotalSeconds:F1} s more"));
        foreach (var problem in run.Unexplained.Take(5))
        {
            output.WriteLine(problem);
        }

        Assert.Empty(run.Unexplained);
        Assert.Subset(new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest, HttpStatusCode.Accepted, HttpStatusCode.OK }, run.Answers.Keys.ToHashSet());
        Assert.True(run.Answers.GetValueOrDefault(HttpStatusCode.BadRequest) > 0, "no mutation was refused: the corpus tested nothing");
        Assert.True(run.Outcomes.GetValueOrDefault("Failed") + run.Outcomes.GetValueOrDefault("Analyzed") == run.Sessions.Count);
        Assert.Equal(before, await ResourcesAsync());
    }

    /// <summary>
    /// Found by the full 10,000 run, each in a file the C3D reader accepts: a label that keeps a NUL (PostgreSQL stores
    /// no JSON holding U+0000, so the analysis was refused on every retry and the session stayed Analyzing), and a NaN
    /// or infinite sample (the analysis was stored as Analyzed, but its analytics, JSON without NaN, answered 500).
    /// </summary>
    [Theory]
    [InlineData("NUL in a label", "cannot be stored")]
    [InlineData("NaN sample", "not finite numbers")]
    [InlineData("infinite sample", "not finite numbers")]
    public async Task A_C3D_that_reads_but_cannot_be_analysed_into_a_servable_result_ends_Failed_with_the_reason(string damage, string reason)
    {
        using var ingestion = platform.CreateClient("ingestion");
        var writer = new C3dWriter { AnalogRate = GhostlyFiles.AnalogRate, PointRate = 33 };
        foreach (var analog in C3dFile.Read(GhostlyFiles.Create(seed: 817, seconds: 4)).Analogs)
        {
            var samples = analog.Samples.ToArray();
            samples[1500] = (damage, analog.Label) switch
            {
                ("NaN sample", "CH1 Raw") => double.NaN,
                ("infinite sample", "CH1 Raw") => double.NegativeInfinity,
                _ => samples[1500],
            };
            writer.AddAnalog(damage == "NUL in a label" && analog.Label == "CH2 activated" ? "CH2 activ\0ted" : analog.Label, samples);
        }

        using var upload = await SessionsClient.UploadAsync(ingestion, writer.ToArray());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var session = await SessionsClient.WaitUntilDoneAsync(ingestion, await SessionsClient.SessionIdOf(upload));

        Assert.Equal("Failed", session.GetProperty("status").GetString());
        Assert.Contains(reason, session.GetProperty("failureReason").GetString());
    }

    private static string Tally<TKey>(IReadOnlyDictionary<TKey, int> counts) where TKey : notnull =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"));

    /// <summary>Every instance of every resource with its process; all must be running and healthy.</summary>
    private async Task<string> ResourcesAsync()
    {
        var instances = await faults.InstancesAsync([.. PlatformFixture.Servers, .. PlatformFixture.Services]);
        Assert.All(instances, i => Assert.Equal(("Running", "Healthy"), (i.State, i.Health)));
        return string.Join("; ", instances);
    }
}
