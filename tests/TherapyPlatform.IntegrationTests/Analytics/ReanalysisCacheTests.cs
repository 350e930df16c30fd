using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Analytics;

/// <summary>A re-analysis with new settings replaces the cached analytics (the later request wins).</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReanalysisCacheTests(PlatformFixture platform) : IDisposable
{
    private readonly AnalyticsPlatform analytics = new(platform);

    [SharedDataFact]
    public async Task A_reanalysis_replaces_the_cached_analytics()
    {
        var sessionId = await analytics.AnalyzedSessionAsync(
            AnalyticsPlatform.UniqueCopy("Ghostly_Emg_20231004_13-18-43-0464"), "reanalysis.c3d");
        using var first = await analytics.GetAnalyticsUntilAsync(sessionId, "hit");

        using var reanalyze = await analytics.Ingestion.PostAsJsonAsync(
            $"/api/sessions/{sessionId}/reanalyze", new { mvcThresholdPct = 40, targetContractions = 6 });
        Assert.Equal(HttpStatusCode.Accepted, reanalyze.StatusCode);
        await WaitForRequestAsync(sessionId, 2);
        using var second = await HitOfRequestAsync(sessionId, 2);

        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("requestNumber").GetInt32());
        Assert.Equal(2, body.RootElement.GetProperty("metadata").GetProperty("requestNumber").GetInt32());
        Assert.Equal(6, body.RootElement.GetProperty("analysis").GetProperty("scores").GetProperty("target_contractions").GetInt32());
        Assert.StartsWith("\"1-", first.Headers.ETag!.Tag);
        Assert.StartsWith("\"2-", second.Headers.ETag!.Tag);
    }

    public void Dispose() => analytics.Dispose();

    /// <summary>The cache is written right after the commit the session status shows, so it may lag by a moment.</summary>
    private async Task<HttpResponseMessage> HitOfRequestAsync(Guid sessionId, int requestNumber)
    {
        using var timeout = new CancellationTokenSource(AnalyticsPlatform.CacheTimeout);
        while (true)
        {
            var response = await analytics.GetAnalyticsUntilAsync(sessionId, "hit");
            if (response.Headers.ETag?.Tag.StartsWith($"\"{requestNumber}-", StringComparison.Ordinal) == true
                || timeout.IsCancellationRequested)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task WaitForRequestAsync(Guid sessionId, int requestNumber)
    {
        using var timeout = new CancellationTokenSource(AnalyticsPlatform.AnalysisTimeout);
        while (true)
        {
            var session = await analytics.SessionAsync(sessionId, timeout.Token);
            if (session.GetProperty("requestNumber").GetInt32() == requestNumber
                && session.GetProperty("status").GetString() == "Analyzed")
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
