using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

        using var response = await PostAsync(ingestion, InsertEvent(name), sign: true);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var session = await SessionsClient.WaitUntilDoneAsync(ingestion, await SessionsClient.SessionIdOf(response));
        Assert.Equal("Analyzed", session.GetProperty("status").GetString());
        Assert.Equal("P042", session.GetProperty("patientCode").GetString());
        Assert.Equal("Ghostly_Emg_20250310_11-46-23-0823.c3d", session.GetProperty("fileName").GetString());
        Assert.Equal("StorageWebhook", session.GetProperty("source").GetString());

        using var repeated = await PostAsync(ingestion, InsertEvent(name), sign: true);
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
    public async Task A_missing_or_wrong_signature_gets_401_and_nothing_is_downloaded_or_stored(string? signature)
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 602);
        var name = $"P043/unsigned-{Guid.NewGuid():N}.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, name, content);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/storage")
        {
            Content = new StringContent(InsertEvent(name), Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add("x-supabase-signature", signature);
        }

        using var response = await ingestion.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain($"{PlatformFixture.Bucket}/{name}", platform.Storage.Downloads);
        using var lookup = await ingestion.GetAsync($"/api/sessions/{SessionIdentity.FromHash(SessionIdentity.HashOf(content))}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Theory]
    [InlineData("UPDATE", "c3d-examples", "P042/a.c3d", "INSERT")]
    [InlineData("INSERT", "other-bucket", "P042/a.c3d", "bucket")]
    [InlineData("INSERT", "c3d-examples", "P042/notes.txt", ".c3d")]
    public async Task Events_that_are_not_new_session_files_are_ignored_with_the_reason(string type, string bucket, string name, string reasonPart)
    {
        using var ingestion = platform.CreateClient("ingestion");

        using var response = await PostAsync(ingestion, InsertEvent(name, type, bucket), sign: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("ignored").GetBoolean());
        Assert.Contains(reasonPart, body.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_object_missing_from_storage_is_a_bad_gateway_with_the_reason()
    {
        using var ingestion = platform.CreateClient("ingestion");

        using var response = await PostAsync(ingestion, InsertEvent("P042/never-uploaded.C3D"), sign: true);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("never-uploaded", problem.RootElement.GetProperty("detail").GetString());
    }

    private static string InsertEvent(string name, string type = "INSERT", string bucket = PlatformFixture.Bucket) =>
        JsonSerializer.Serialize(new
        {
            type,
            table = "objects",
            schema = "storage",
            record = new { name, bucket_id = bucket, metadata = new { size = 1234, mimetype = "application/octet-stream" } },
            old_record = (object?)null,
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient ingestion, string body, bool sign)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/storage") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        if (sign)
        {
            var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PlatformFixture.WebhookSecret), bytes));
            request.Headers.Add("x-supabase-signature", $"sha256={signature}");
        }

        return await ingestion.SendAsync(request);
    }
}
