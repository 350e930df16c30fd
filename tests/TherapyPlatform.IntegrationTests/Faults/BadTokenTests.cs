using System.Net;
using System.Text;
using TherapyPlatform.C3d;
using TherapyPlatform.Cli.Tokens;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.Sessions;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>
/// What the access tests leave out: bad tokens against a session that exists (not a random id), on every read of the
/// three services and on the writes (upload, re-analysis, cache invalidation): 401, nothing stored or changed, and
/// the refusal names neither the patient nor a channel. (Another patient's therapist is in Security/AccessTests;
/// unsigned, stale and replayed webhooks in Pipeline/StorageWebhookTests.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BadTokenTests(PlatformFixture platform)
{
    private const string Patient = "P815";

    public static TheoryData<string, string?> BadTokens => new()
    {
        { "none", null },
        { "not a JWT", "not-a-jwt" },
        { "forged key", DevelopmentTokens.Create("a-different-key-that-is-long-enough-0123456789", "admin") },
        { "expired", DevelopmentTokens.Create(PlatformFixture.SigningKey, "admin", lifetime: TimeSpan.FromMinutes(-5)) },
        { "other audience", DevelopmentTokens.Create(PlatformFixture.SigningKey, "admin", audience: "another-app") },
        { "other issuer", DevelopmentTokens.Create(PlatformFixture.SigningKey, "admin", issuer: "https://elsewhere.example") },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Every_read_of_an_existing_session_gets_401_and_reveals_nothing(string kind, string? token)
    {
        var sessionId = await AnalysedSessionAsync();

        foreach (var (service, path) in new[]
        {
            ("ingestion", $"/api/sessions/{sessionId}"),
            ("analytics", $"/api/sessions/{sessionId}/analytics"),
            ("signals", $"/api/sessions/{sessionId}/signals"),
            ("signals", $"/api/sessions/{sessionId}/signals/CH1%20Raw?maxPoints=100"),
        })
        {
            using var client = platform.CreateClient(service, token);
            using var response = await client.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: {service} {path} answered {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Patient, body);
            Assert.DoesNotContain("CH1", body);
        }
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task No_write_is_done_with_a_bad_token(string kind, string? token)
    {
        var sessionId = await AnalysedSessionAsync();
        using var ingestion = platform.CreateClient("ingestion", token);
        using var analytics = platform.CreateClient("analytics", token);
        var content = GhostlyFiles.Create(seed: 816);

        using var upload = await SessionsClient.UploadAsync(ingestion, content, fields: new Dictionary<string, string> { ["patientCode"] = Patient });
        using var reanalysis = await ingestion.PostAsync($"/api/sessions/{sessionId}/reanalyze",
            new StringContent("{}", Encoding.UTF8, "application/json"));
        using var invalidation = await analytics.PostAsync("/cache/invalidate",
            new StringContent("""{"all": true}""", Encoding.UTF8, "application/json"));

        Assert.True(upload.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: upload answered {upload.StatusCode}");
        Assert.True(reanalysis.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: re-analysis answered {reanalysis.StatusCode}");
        Assert.True(invalidation.StatusCode == HttpStatusCode.Unauthorized, $"{kind}: invalidation answered {invalidation.StatusCode}");
        using var admin = platform.CreateClient("ingestion");
        using var lookup = await admin.GetAsync($"/api/sessions/{SessionIdentity.FromHash(SessionIdentity.HashOf(content))}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Equal(1, (await SessionsClient.GetAsync(admin, sessionId)).GetProperty("requestNumber").GetInt32());
    }

    /// <summary>The session every case reads: uploaded once by an admin, found again by its content afterwards.</summary>
    private async Task<Guid> AnalysedSessionAsync()
    {
        using var admin = platform.CreateClient("ingestion");
        using var upload = await SessionsClient.UploadAsync(admin, GhostlyFiles.Create(seed: 815), fields: new Dictionary<string, string> { ["patientCode"] = Patient });
        Assert.True(upload.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"upload answered {upload.StatusCode}");
        var sessionId = await SessionsClient.SessionIdOf(upload);
        Assert.Equal("Analyzed", (await SessionsClient.WaitUntilDoneAsync(admin, sessionId)).GetProperty("status").GetString());
        return sessionId;
    }
}
