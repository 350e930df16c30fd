using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TherapyPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Supabase cannot run here, so the tests serve the one route Ingestion downloads from
/// (<c>GET /storage/v1/object/{bucket}/{path}</c>, service key as bearer token) on loopback.
/// </summary>
public sealed class FakeSupabaseStorage : IAsyncDisposable
{
    public const string ServiceKey = "test-service-key";

    private readonly ConcurrentDictionary<string, byte[]> objects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> downloads = new();
    private WebApplication? app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>The object paths (bucket/name) downloaded so far, in order.</summary>
    public IReadOnlyCollection<string> Downloads => downloads;

    public void Put(string bucket, string name, byte[] content) => objects[$"{bucket}/{name}"] = content;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapGet("/storage/v1/object/{bucket}/{**path}", (string bucket, string path, HttpRequest request) =>
        {
            if (request.Headers.Authorization != $"Bearer {ServiceKey}")
            {
                return Results.Unauthorized();
            }

            var key = $"{bucket}/{path}";
            downloads.Enqueue(key);
            return objects.TryGetValue(key, out var content)
                ? Results.Bytes(content, "application/octet-stream")
                : Results.NotFound(new { statusCode = "404", error = "not_found", message = "Object not found" });
        });
        await app.StartAsync();
        Url = app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
