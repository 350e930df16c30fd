using System.Net;
using System.Text;
using System.Text.Json;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.Sessions;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Pipeline;

[Collection(PlatformCollection.Name)]
public sealed class StorageWebhookTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_signed_insert_of_a_c3d_object_is_downloaded_analysed_and_tagged_with_its_patient()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 601);
        var name = "P042/Ghostly_Emg_20250310_11-46-23-0823.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, name, content);

        using var response = await StorageWebhooks.SendAsync(ingestion, StorageWebhooks.Body(name));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var session = await SessionsClient.WaitUntilDoneAsync(ingestion, await SessionsClient.SessionIdOf(response));
        Assert.Equal("Analyzed", session.GetProperty("status").GetString());
        Assert.Equal("P042", session.GetProperty("patientCode").GetString());
        Assert.Equal("Ghostly_Emg_20250310_11-46-23-0823.c3d", session.GetProperty("fileName").GetString());
        Assert.Equal("StorageWebhook", session.GetProperty("source").GetString());

        // A new delivery of the same object (another event) is a duplicate of the session, never a second analysis.
        using var repeated = await StorageWebhooks.SendAsync(ingestion, StorageWebhooks.Body(name));
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        using var body = JsonDocument.Parse(await repeated.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("duplicate").GetBoolean());
        Assert.Single(SessionsClient.EventNames(await SessionsClient.GetAsync(ingestion, session.GetProperty("sessionId").GetGuid())),
            e => e == "SessionAnalyzed");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-hex")]
    [InlineData("wrong-secret")]
    public async Task A_missing_or_wrong_signature_gets_401_and_nothing_is_downloaded_or_stored(string? signature)
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 602, seconds: 2);
        var name = $"P043/unsigned-{Guid.NewGuid():N}.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, name, content);
        var delivery = StorageWebhooks.Body(name);

        using var response = await StorageWebhooks.SendAsync(ingestion, delivery,
            signature == "wrong-secret" ? StorageWebhooks.Sign(delivery, "a-secret-that-is-not-the-platforms") : signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(ingestion, name, content);
    }

    [Fact]
    public async Task A_replayed_body_gets_409_and_nothing_new_is_done()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 605);
        var name = $"P044/replayed-{Guid.NewGuid():N}.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, name, content);
        var delivery = StorageWebhooks.Body(name);
        using var first = await StorageWebhooks.SendAsync(ingestion, delivery);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var sessionId = await SessionsClient.SessionIdOf(first);
        var eventsBefore = SessionsClient.EventNames(await SessionsClient.GetAsync(ingestion, sessionId)).Count();

        using var replay = await StorageWebhooks.SendAsync(ingestion, delivery);

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal("Replayed delivery", await TitleOf(replay));
        Assert.Single(platform.Storage.Downloads, d => d == $"{PlatformFixture.Bucket}/{name}");
        Assert.Equal(eventsBefore, SessionsClient.EventNames(await SessionsClient.GetAsync(ingestion, sessionId)).Count());
    }

    [Theory]
    [InlineData(-11, 606)]
    [InlineData(5, 607)]
    public async Task A_delivery_created_outside_the_replay_window_is_stale_401_and_nothing_is_stored(int minutesFromNow, int seed)
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed, seconds: 2);
        var name = $"P045/stale-{Guid.NewGuid():N}.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, name, content);

        using var response = await StorageWebhooks.SendAsync(ingestion,
            StorageWebhooks.Body(name, createdAt: DateTimeOffset.UtcNow.AddMinutes(minutesFromNow)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Stale delivery", await TitleOf(response));
        await AssertNothingStoredAsync(ingestion, name, content);
    }

    [Fact]
    public async Task An_insert_of_a_c3d_object_without_created_at_gets_400_with_the_reason()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 608, seconds: 2);
        var name = $"P045/undated-{Guid.NewGuid():N}.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, name, content);
        var storageEvent = StorageWebhooks.Event(name);
        storageEvent["record"]!.AsObject().Remove("created_at");

        using var response = await StorageWebhooks.SendAsync(ingestion, Encoding.UTF8.GetBytes(storageEvent.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("created_at", problem.RootElement.GetProperty("detail").GetString());
        await AssertNothingStoredAsync(ingestion, name, content);
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_nothing_is_downloaded()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var name = $"P045/oversized-{Guid.NewGuid():N}.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, name, GhostlyFiles.Create(seed: 609, seconds: 2));
        var storageEvent = StorageWebhooks.Event(name);
        storageEvent["record"]!["user_metadata"] = new string('x', 70 * 1024);

        using var response = await StorageWebhooks.SendAsync(ingestion, Encoding.UTF8.GetBytes(storageEvent.ToJsonString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain($"{PlatformFixture.Bucket}/{name}", platform.Storage.Downloads);
    }

    [Theory]
    [InlineData("UPDATE", "c3d-examples", "P042/a.c3d", "INSERT")]
    [InlineData("INSERT", "other-bucket", "P042/a.c3d", "bucket")]
    [InlineData("INSERT", "c3d-examples", "P042/notes.txt", ".c3d")]
    public async Task Events_that_are_not_new_session_files_are_ignored_with_the_reason(string type, string bucket, string name, string reasonPart)
    {
        using var ingestion = platform.CreateClient("ingestion");

        using var response = await StorageWebhooks.SendAsync(ingestion, StorageWebhooks.Body(name, bucket, type));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("ignored").GetBoolean());
        Assert.Contains(reasonPart, body.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_object_missing_from_storage_is_a_bad_gateway_and_the_same_delivery_retried_later_is_accepted()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var name = $"P042/not-yet-uploaded-{Guid.NewGuid():N}.C3D";
        var delivery = StorageWebhooks.Body(name);

        using var response = await StorageWebhooks.SendAsync(ingestion, delivery);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("not-yet-uploaded", problem.RootElement.GetProperty("detail").GetString());

        // A transient failure releases the delivery's claim: the byte-identical retry is processed, not a replay.
        platform.Storage.Put(PlatformFixture.Bucket, name, GhostlyFiles.Create(seed: 610));
        using var retry = await StorageWebhooks.SendAsync(ingestion, delivery);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
    }

    [Fact]
    public async Task An_object_that_is_not_C3D_gets_400_whatever_its_name_and_nothing_is_stored()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = Encoding.UTF8.GetBytes("this is a text file, not a C3D recording");
        var name = $"P042/disguised-{Guid.NewGuid():N}.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, name, content);

        using var response = await StorageWebhooks.SendAsync(ingestion, StorageWebhooks.Body(name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Not a C3D file", await TitleOf(response));
        using var lookup = await ingestion.GetAsync($"/api/sessions/{SessionIdentity.FromHash(SessionIdentity.HashOf(content))}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    private async Task AssertNothingStoredAsync(HttpClient ingestion, string name, byte[] content)
    {
        Assert.DoesNotContain($"{PlatformFixture.Bucket}/{name}", platform.Storage.Downloads);
        using var lookup = await ingestion.GetAsync($"/api/sessions/{SessionIdentity.FromHash(SessionIdentity.HashOf(content))}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    private static async Task<string?> TitleOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("title").GetString();
    }
}
