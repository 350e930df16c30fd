using System.Net;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Analytics;

/// <summary>Who may read a session's analytics and the cache: the same answer from a hit as from the read model.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsAccessTests(PlatformFixture platform) : IDisposable
{
    private readonly AnalyticsPlatform analytics = new(platform);

    [SharedDataFact]
    public async Task A_therapist_reads_only_their_own_patients_analytics_and_only_admins_the_cache()
    {
        var sessionId = await analytics.AnalyzedSessionAsync(
            AnalyticsPlatform.UniqueCopy("Ghostly_Emg_20250310_11-46-23-0823"), "access.c3d", patientCode: "P042");
        (await analytics.GetAnalyticsUntilAsync(sessionId, "hit")).Dispose();
        using var own = platform.CreateClient("analytics", PlatformFixture.Token("therapist", "P042"));
        using var other = platform.CreateClient("analytics", PlatformFixture.Token("therapist", "P043"));
        using var researcher = platform.CreateClient("analytics", PlatformFixture.Token("researcher"));
        using var anonymous = platform.CreateClient("analytics", token: null);
        var path = $"/api/sessions/{sessionId}/analytics";
        var accessesBefore = await analytics.SettledAccessCountAsync(sessionId);

        using var ownAnswer = await own.GetAsync(path);
        using var otherAnswer = await other.GetAsync(path);
        using var researcherAnswer = await researcher.GetAsync(path);
        using var anonymousAnswer = await anonymous.GetAsync(path);
        using var therapistStats = await own.GetAsync("/cache/stats");

        Assert.Equal(HttpStatusCode.OK, ownAnswer.StatusCode);
        Assert.Equal("hit", AnalyticsPlatform.CacheOutcomeOf(ownAnswer));
        Assert.Equal(HttpStatusCode.Forbidden, otherAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, researcherAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, therapistStats.StatusCode);

        // Two reads were served (the therapist's own and the researcher's); the refused ones are no access. Counted
        // after each answer, so wait for two, then give a wrongly counted third the same time to land.
        await analytics.WaitForAccessCountAsync(sessionId, accessesBefore + 2);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(accessesBefore + 2, await analytics.AccessCountAsync(sessionId));
    }

    public void Dispose() => analytics.Dispose();
}
