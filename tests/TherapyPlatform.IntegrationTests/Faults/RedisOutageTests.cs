using System.Diagnostics;
using System.Net;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Analytics;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Signals;
using TherapyPlatform.TestSupport;
using Xunit.Abstractions;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>
/// Redis down for 30 s while dashboards keep reading: every analytics and signals read of an analysed session is
/// polled for the whole outage and must answer 200 (analytics from the event store's projection, with the body it
/// had from the cache; signals from memory and the file store), both services report Degraded, and once Redis is back
/// analytics reads are cache hits again on every replica.
/// </summary>
[Collection(FaultPlatformCollection.Name)]
public sealed class RedisOutageTests(PlatformFixture platform, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    private readonly PlatformFaults faults = new(platform);
    private readonly AnalyticsPlatform analytics = new(platform);
    private readonly SignalsPlatform signals = new(platform);

    [Fact]
    public async Task With_Redis_stopped_for_30_s_every_analytics_and_signals_read_answers_200_and_reads_recover_to_hits()
    {
        var sessionId = await analytics.AnalyzedSessionAsync(GhostlyFiles.Create(seed: 814, seconds: 10), "redis-outage.c3d", patientCode: "P814");
        using var cached = await analytics.GetAnalyticsUntilAsync(sessionId, "hit");
        Assert.Equal("hit", AnalyticsPlatform.CacheOutcomeOf(cached));
        var cachedBody = await cached.Content.ReadAsStringAsync();
        string[] signalPaths =
        [
            $"/api/sessions/{sessionId}/signals",
            $"/api/sessions/{sessionId}/signals/CH1%20Raw?maxPoints=500",
            $"/api/sessions/{sessionId}/signals/CH2%20Raw?kind=envelope&from=1&to=4",
        ];

        var reads = new List<(string Service, HttpStatusCode Status, string Answer)>();
        var health = new List<(string Analytics, string Signals)>();
        await faults.StopAsync("redis");
        try
        {
            var outage = Stopwatch.StartNew();
            while (outage.Elapsed < Outage)
            {
                using (var read = await analytics.GetAnalyticsAsync(sessionId))
                {
                    reads.Add(("analytics", read.StatusCode, AnalyticsPlatform.CacheOutcomeOf(read) ?? "none"));
                    Assert.Equal(cachedBody, await read.Content.ReadAsStringAsync());
                }

                foreach (var path in signalPaths)
                {
                    using var read = await signals.Signals.GetAsync(path);
                    reads.Add(("signals", read.StatusCode, read.Headers.TryGetValues("X-Cache-Layer", out var layer) ? layer.Single() : "list"));
                }

                health.Add((await PlatformFaults.HealthAsync(analytics.Analytics), await PlatformFaults.HealthAsync(signals.Signals)));
                await Task.Delay(200);
            }
        }
        finally
        {
            await faults.StartAsync("redis");
        }

        output.WriteLine(string.Join(", ", reads.GroupBy(r => r).OrderBy(g => g.Key.ToString()).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"health during the outage (analytics, signals): {string.Join(", ", health.Distinct())}; last {health[^1]}");
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(reads.Where(r => r.Service == "analytics"), r => Assert.Equal("bypass", r.Answer));
        Assert.Equal(("Degraded", "Degraded"), health[^1]);

        await PlatformFaults.UntilHealthAsync(analytics.Analytics, "Healthy", RecoveryTimeout);
        await PlatformFaults.UntilHealthAsync(signals.Signals, "Healthy", RecoveryTimeout);
        Assert.Equal(10, await ConsecutiveHitsAsync(sessionId, 10));
        foreach (var path in signalPaths.Skip(1))
        {
            using var read = await signals.Signals.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("hit", read.Headers.GetValues("X-Cache").Single());
        }
    }

    public void Dispose()
    {
        analytics.Dispose();
        signals.Dispose();
    }

    /// <summary>
    /// Reads until <paramref name="wanted"/> answers in a row are cache hits (the two replicas behind the proxy each
    /// reconnect on their own), within the recovery bound; returns the longest run seen.
    /// </summary>
    private async Task<int> ConsecutiveHitsAsync(Guid sessionId, int wanted)
    {
        var recovery = Stopwatch.StartNew();
        var run = 0;
        while (run < wanted && recovery.Elapsed < RecoveryTimeout)
        {
            using var read = await analytics.GetAnalyticsAsync(sessionId);
            run = read.StatusCode == HttpStatusCode.OK && AnalyticsPlatform.CacheOutcomeOf(read) == "hit" ? run + 1 : 0;
            await Task.Delay(50);
        }

        return run;
    }
}
