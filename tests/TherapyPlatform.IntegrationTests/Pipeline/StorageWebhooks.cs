using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TherapyPlatform.IntegrationTests.Infrastructure;

namespace TherapyPlatform.IntegrationTests.Pipeline;

/// <summary>
/// Storage webhook deliveries as Supabase sends them for a change of <c>storage.objects</c>. Every body built here is
/// a new delivery (its own record id, <c>created_at</c> = now), so it passes Ingestion's replay checks once; sending
/// the byte-identical body again is a replay (409).
/// </summary>
public static class StorageWebhooks
{
    public const string Path = "/webhooks/storage";
    public const string SignatureHeader = "x-supabase-signature";

    /// <summary>The event as JSON, for tests that change a field before sending it.</summary>
    public static JsonObject Event(
        string objectName, string bucket = PlatformFixture.Bucket, string type = "INSERT", DateTimeOffset? createdAt = null)
    {
        var created = (createdAt ?? DateTimeOffset.UtcNow).ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["type"] = type,
            ["table"] = "objects",
            ["schema"] = "storage",
            ["record"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["name"] = objectName,
                ["bucket_id"] = bucket,
                ["owner"] = null,
                ["created_at"] = created,
                ["updated_at"] = created,
                ["last_accessed_at"] = created,
                ["metadata"] = new JsonObject { ["size"] = 1234, ["mimetype"] = "application/octet-stream" },
            },
            ["old_record"] = null,
        };
    }

    /// <summary>A fresh delivery body: new record id, <c>created_at</c> = UTC now (or the given time).</summary>
    public static byte[] Body(
        string objectName, string bucket = PlatformFixture.Bucket, string type = "INSERT", DateTimeOffset? createdAt = null) =>
        Encoding.UTF8.GetBytes(Event(objectName, bucket, type, createdAt).ToJsonString());

    /// <summary>The signature header value for a body, keyed with the platform's webhook secret.</summary>
    public static string Sign(byte[] body, string secret = PlatformFixture.WebhookSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Posts a body signed with <see cref="PlatformFixture.WebhookSecret"/>.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient ingestion, byte[] body, CancellationToken cancellationToken = default) =>
        SendAsync(ingestion, body, Sign(body), cancellationToken);

    /// <summary>Posts a body with the given signature header (none when null).</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient ingestion, byte[] body, string? signature, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
        }

        return await ingestion.SendAsync(request, cancellationToken);
    }
}
