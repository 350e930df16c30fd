using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TherapyPlatform.Cli.Tokens;
using TherapyPlatform.Contracts.Caching;

namespace TherapyPlatform.Bench.SignalsLoad;

/// <summary>
/// The whole platform from the AppHost in LocalProcesses mode (as the integration tests start it), in a fresh data
/// folder on free ports, with Signals' memory cache set by the benchmark; plain HttpClients on loopback.
/// </summary>
internal sealed class Platform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AnalysisTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The platform's token signing key for this run only, so the benchmark can sign its own token.</summary>
    private const string SigningKey = "signals-load-signing-key-0123456789abcdef0123456789";

    private readonly DistributedApplication app;
    private readonly DirectoryInfo dataDirectory;
    private readonly ConnectionMultiplexer redis;

    private Platform(DistributedApplication app, DirectoryInfo dataDirectory, ConnectionMultiplexer redis)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
        this.redis = redis;
        Signals = new HttpClient { BaseAddress = app.GetEndpoint("signals", "http") };
        Ingestion = new HttpClient { BaseAddress = app.GetEndpoint("ingestion", "http") };
        // Every API wants a bearer token (ServiceDefaults' fallback policy): its validation is part of each figure.
        var token = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(SigningKey, "admin"));
        Signals.DefaultRequestHeaders.Authorization = token;
        Ingestion.DefaultRequestHeaders.Authorization = token;
    }

    public HttpClient Signals { get; }

    public HttpClient Ingestion { get; }

    public static async Task<Platform> StartAsync(int signalsMemoryMegabytes)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("therapy-bench-");
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TherapyPlatform_AppHost>(
            [
                "Infrastructure:Mode=LocalProcesses",
                $"Infrastructure:DataDirectory={dataDirectory.FullName}",
                "Infrastructure:Ephemeral=true",
                $"Parameters:auth-signing-key={SigningKey}",
            ],
            timeout.Token);
        // The figures are the output: resources' own logs and the health probes of the shutdown stay out of it.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error)
            .AddFilter("TherapyPlatform.AppHost.Resources", LogLevel.Error)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        builder.CreateResourceBuilder<ProjectResource>("signals")
            .WithEnvironment("Signals__MemoryCacheMegabytes", signalsMemoryMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        foreach (var resource in new[] { "redis", "postgres", "rabbitmq", "ingestion", "analytics", "signals" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("redis", timeout.Token))!);
        return new Platform(app, dataDirectory, redis);
    }

    /// <summary>Uploads a file through Ingestion and waits until it is analysed and Signals has precomputed its overviews.</summary>
    public async Task<Guid> AnalyzedSessionAsync(byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var upload = await Ingestion.PostAsync(new Uri("/api/sessions", UriKind.Relative), form);
        if (upload.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"upload answered {upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
        }

        var sessionId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();
        using var timeout = new CancellationTokenSource(AnalysisTimeout);
        while (true)
        {
            var session = await Ingestion.GetFromJsonAsync<JsonElement>(new Uri($"/api/sessions/{sessionId}", UriKind.Relative), timeout.Token);
            var status = session.GetProperty("status").GetString();
            if (status == "Failed")
            {
                throw new InvalidOperationException($"session {sessionId} failed: {session.GetProperty("failureReason")}");
            }

            // The consumer writes the CH2 envelope last: once it is there, every overview is.
            if (status == "Analyzed" && await redis.GetDatabase().KeyExistsAsync(CacheKeys.Overview(sessionId, "CH2 Raw", "envelope")))
            {
                return sessionId;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Signals.Dispose();
        Ingestion.Dispose();
        await redis.DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing; the folder is under the temp directory anyway.
        }
    }
}
