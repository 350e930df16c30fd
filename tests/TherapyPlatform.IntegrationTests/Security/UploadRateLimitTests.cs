using System.Net;
using System.Text.Json;
using TherapyPlatform.C3d;
using TherapyPlatform.Cli.Tokens;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Security;

/// <summary>Ingestion's per-client upload limit with its defaults (a burst of 10, then 30 a minute; admins exempt).</summary>
[Collection(PlatformCollection.Name)]
public sealed class UploadRateLimitTests(PlatformFixture platform)
{
    private const int Burst = 10;

    /// <summary>More uploads than a burst, sent back to back (a token comes back every two seconds, so a slow machine needs a few more).</summary>
    private const int Attempts = 3 * Burst;

    [Fact]
    public async Task A_therapist_over_the_limit_gets_429_with_Retry_After()
    {
        // A subject of its own, so no other test's uploads count against this client.
        var token = DevelopmentTokens.Create(PlatformFixture.SigningKey, "therapist", ["P210"], subject: $"rate-limited-{Guid.NewGuid():N}");
        using var therapist = platform.CreateClient("ingestion", token);
        var content = GhostlyFiles.Create(seed: 705, seconds: 4);
        var fields = new Dictionary<string, string> { ["patientCode"] = "P210" };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        while (refused is null && statuses.Count < Attempts)
        {
            var response = await SessionsClient.UploadAsync(therapist, content, fields: fields);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            // The first upload is taken, the rest of the burst are duplicates of it; none is refused before the burst is spent.
            Assert.Equal(HttpStatusCode.Accepted, statuses[0]);
            Assert.True(statuses.Count > Burst, $"refused after {statuses.Count - 1} uploads: {string.Join(", ", statuses)}");
            Assert.All(statuses.SkipLast(1), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("Too many uploads", problem.RootElement.GetProperty("title").GetString());
            Assert.Contains("per minute", problem.RootElement.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task An_admin_is_not_limited()
    {
        using var admin = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 706, seconds: 4);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Attempts; i++)
        {
            using var response = await SessionsClient.UploadAsync(admin, content);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.Accepted or HttpStatusCode.OK, string.Join(", ", statuses)));
    }
}
