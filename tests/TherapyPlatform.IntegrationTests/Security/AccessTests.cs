using System.Net;
using TherapyPlatform.C3d;
using TherapyPlatform.Cli.Tokens;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.Sessions;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Security;

[Collection(PlatformCollection.Name)]
public sealed class AccessTests(PlatformFixture platform)
{
    public static TheoryData<string, string> ReadEndpoints => new()
    {
        { "ingestion", $"/api/sessions/{Guid.NewGuid()}" },
        { "analytics", $"/api/sessions/{Guid.NewGuid()}/analytics" },
        { "signals", $"/api/sessions/{Guid.NewGuid()}/signals" },
    };

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Without_a_valid_token_every_api_answers_401(string service, string path)
    {
        using var anonymous = platform.CreateClient(service, token: null);
        using var forged = platform.CreateClient(service,
            DevelopmentTokens.Create("a-different-key-that-is-long-enough-0123456789", "admin"));
        using var expired = platform.CreateClient(service,
            DevelopmentTokens.Create(PlatformFixture.SigningKey, "admin", lifetime: TimeSpan.FromMinutes(-5)));

        foreach (var client in new[] { anonymous, forged, expired })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("ingestion")]
    [InlineData("analytics")]
    [InlineData("signals")]
    public async Task Health_stays_open_without_a_token(string service)
    {
        using var anonymous = platform.CreateClient(service, token: null);

        using var response = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Password", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_therapist_sees_their_own_patients_sessions_and_no_one_elses()
    {
        using var ownTherapist = platform.CreateClient("ingestion", PlatformFixture.Token("therapist", "P201"));
        using var otherTherapist = platform.CreateClient("ingestion", PlatformFixture.Token("therapist", "P202"));
        using var researcher = platform.CreateClient("ingestion", PlatformFixture.Token("researcher"));
        var content = GhostlyFiles.Create(seed: 701);

        using var upload = await SessionsClient.UploadAsync(ownTherapist, content, fields: new Dictionary<string, string> { ["patientCode"] = "P201" });
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var sessionId = await SessionsClient.SessionIdOf(upload);

        using (var own = await ownTherapist.GetAsync($"/api/sessions/{sessionId}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using (var other = await otherTherapist.GetAsync($"/api/sessions/{sessionId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            Assert.DoesNotContain("P201", await other.Content.ReadAsStringAsync());
        }

        using (var read = await researcher.GetAsync($"/api/sessions/{sessionId}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
    }

    [Fact]
    public async Task Analytics_and_signals_of_a_session_are_refused_to_another_patients_therapist()
    {
        using var ingestion = platform.CreateClient("ingestion", PlatformFixture.Token("therapist", "P206"));
        using var upload = await SessionsClient.UploadAsync(ingestion, GhostlyFiles.Create(seed: 704),
            fields: new Dictionary<string, string> { ["patientCode"] = "P206" });
        var sessionId = await SessionsClient.SessionIdOf(upload);
        Assert.Equal("Analyzed", (await SessionsClient.WaitUntilDoneAsync(ingestion, sessionId)).GetProperty("status").GetString());

        foreach (var (service, path) in new[]
        {
            ("analytics", $"/api/sessions/{sessionId}/analytics"),
            ("signals", $"/api/sessions/{sessionId}/signals"),
            ("signals", $"/api/sessions/{sessionId}/signals/CH1%20Raw?maxPoints=100"),
        })
        {
            using var own = platform.CreateClient(service, PlatformFixture.Token("therapist", "P206"));
            using var other = platform.CreateClient(service, PlatformFixture.Token("therapist", "P207"));
            using (var allowed = await own.GetAsync(path))
            {
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }

            using var refused = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("CH1", await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Uploads_need_a_therapist_of_that_patient_or_an_admin()
    {
        using var therapist = platform.CreateClient("ingestion", PlatformFixture.Token("therapist", "P203"));
        using var researcher = platform.CreateClient("ingestion", PlatformFixture.Token("researcher"));
        var content = GhostlyFiles.Create(seed: 702);

        using var forOtherPatient = await SessionsClient.UploadAsync(therapist, content, fields: new Dictionary<string, string> { ["patientCode"] = "P204" });
        using var withoutPatient = await SessionsClient.UploadAsync(therapist, content);
        using var byResearcher = await SessionsClient.UploadAsync(researcher, content);

        Assert.Equal(HttpStatusCode.Forbidden, forOtherPatient.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutPatient.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byResearcher.StatusCode);
        using var admin = platform.CreateClient("ingestion");
        using var lookup = await admin.GetAsync($"/api/sessions/{SessionIdentity.FromHash(SessionIdentity.HashOf(content))}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Reanalysis_needs_an_admin()
    {
        using var therapist = platform.CreateClient("ingestion", PlatformFixture.Token("therapist", "P205"));
        using var upload = await SessionsClient.UploadAsync(therapist, GhostlyFiles.Create(seed: 703),
            fields: new Dictionary<string, string> { ["patientCode"] = "P205" });
        var sessionId = await SessionsClient.SessionIdOf(upload);

        using var response = await therapist.PostAsync($"/api/sessions/{sessionId}/reanalyze",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
