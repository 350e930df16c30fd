using System.Net;
using System.Text.Json;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.Sessions;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Pipeline;

[Collection(PlatformCollection.Name)]
public sealed class UploadPipelineTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_uploaded_file_is_accepted_then_analysed_with_its_history()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 501);

        using var response = await SessionsClient.UploadAsync(ingestion, content, fields: new Dictionary<string, string>
        {
            ["patientCode"] = "P042",
            ["mvcThresholdPct"] = "70",
            ["targetContractions"] = "4",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sessionId = await SessionsClient.SessionIdOf(response);
        Assert.Equal(SessionIdentity.FromHash(SessionIdentity.HashOf(content)), sessionId);
        Assert.Equal($"/api/sessions/{sessionId}", response.Headers.Location?.OriginalString);

        var session = await SessionsClient.WaitUntilDoneAsync(ingestion, sessionId);
        Assert.Equal("Analyzed", session.GetProperty("status").GetString());
        Assert.Equal("P042", session.GetProperty("patientCode").GetString());
        Assert.Equal(content.Length, session.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(SessionIdentity.HashOf(content), session.GetProperty("fileHash").GetString());
        Assert.Equal(70, session.GetProperty("settings").GetProperty("mvcThresholdPercent").GetDouble());
        Assert.Equal(["SessionFileReceived", "AnalysisStarted", "SessionAnalyzed"], SessionsClient.EventNames(session));
    }

    [Fact]
    public async Task The_same_file_again_is_a_duplicate_of_the_same_session_and_is_analysed_once()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 502);
        using var first = await SessionsClient.UploadAsync(ingestion, content);
        var sessionId = await SessionsClient.SessionIdOf(first);
        await SessionsClient.WaitUntilDoneAsync(ingestion, sessionId);

        using var second = await SessionsClient.UploadAsync(ingestion, content, fileName: "renamed.c3d");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(sessionId, body.RootElement.GetProperty("sessionId").GetGuid());
        Assert.True(body.RootElement.GetProperty("duplicate").GetBoolean());
        Assert.Equal("Analyzed", body.RootElement.GetProperty("status").GetString());
        var session = await SessionsClient.GetAsync(ingestion, sessionId);
        Assert.Single(SessionsClient.EventNames(session), e => e == "SessionFileReceived");
        Assert.Single(SessionsClient.EventNames(session), e => e == "SessionAnalyzed");
    }

    [Fact]
    public async Task Ten_concurrent_copies_make_one_session_and_one_analysis()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 503);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SessionsClient.UploadAsync(ingestion, content)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        var ids = await Task.WhenAll(responses.Select(SessionsClient.SessionIdOf));
        Assert.Single(ids.Distinct());
        var session = await SessionsClient.WaitUntilDoneAsync(ingestion, ids[0]);
        // Let any redelivered or racing request finish before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        session = await SessionsClient.GetAsync(ingestion, ids[0]);
        Assert.Single(SessionsClient.EventNames(session), e => e == "SessionFileReceived");
        Assert.Single(SessionsClient.EventNames(session), e => e == "SessionAnalyzed");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_file_that_is_not_C3D_gets_400_with_the_reason_and_nothing_is_stored()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = "not a c3d file, just text"u8.ToArray();

        using var response = await SessionsClient.UploadAsync(ingestion, content, fileName: "fake.c3d");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("key", problem.RootElement.GetProperty("detail").GetString());
        using var lookup = await ingestion.GetAsync($"/api/sessions/{SessionIdentity.FromHash(SessionIdentity.HashOf(content))}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_C3D_file_without_EMG_ends_Failed_with_its_reason()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = new C3dWriter { PointRate = 33, AnalogRate = 990 }
            .AddPoint("PlayerPosition", Enumerable.Range(0, 40).Select(i => new System.Numerics.Vector3(i, 0, 0)).ToArray())
            .ToArray();

        using var response = await SessionsClient.UploadAsync(ingestion, content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var session = await SessionsClient.WaitUntilDoneAsync(ingestion, await SessionsClient.SessionIdOf(response));
        Assert.Equal("Failed", session.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(session.GetProperty("failureReason").GetString()));
        Assert.Contains("AnalysisFailed", SessionsClient.EventNames(session));
    }

    [Fact]
    public async Task Invalid_settings_and_patient_codes_are_rejected_with_their_field()
    {
        using var ingestion = platform.CreateClient("ingestion");

        using var response = await SessionsClient.UploadAsync(ingestion, GhostlyFiles.Create(seed: 504), fields: new Dictionary<string, string>
        {
            ["patientCode"] = "../../etc",
            ["rpe"] = "eleven",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("patientCode", out _));
        Assert.True(errors.TryGetProperty("rpe", out _));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_gets_413()
    {
        using var ingestion = platform.CreateClient("ingestion");

        using var response = await SessionsClient.UploadAsync(ingestion, new byte[21 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Reanalysis_with_new_settings_is_a_second_request_on_the_same_stream()
    {
        using var ingestion = platform.CreateClient("ingestion");
        using var upload = await SessionsClient.UploadAsync(ingestion, GhostlyFiles.Create(seed: 505));
        var sessionId = await SessionsClient.SessionIdOf(upload);
        await SessionsClient.WaitUntilDoneAsync(ingestion, sessionId);

        using var response = await ingestion.PostAsync($"/api/sessions/{sessionId}/reanalyze",
            new StringContent("""{"mvcThresholdPct": 50, "durationThresholdMs": 1000}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        JsonElement session;
        using (var timeout = new CancellationTokenSource(SessionsClient.AnalysisTimeout))
        {
            do
            {
                await Task.Delay(200, timeout.Token);
                session = await SessionsClient.GetAsync(ingestion, sessionId);
            }
            while (SessionsClient.EventNames(session).Count(e => e == "SessionAnalyzed") < 2);
        }

        Assert.Equal(2, session.GetProperty("requestNumber").GetInt32());
        Assert.Equal("Analyzed", session.GetProperty("status").GetString());
        Assert.Equal(50, session.GetProperty("settings").GetProperty("mvcThresholdPercent").GetDouble());
    }
}
