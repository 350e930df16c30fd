using System.Diagnostics;
using System.Globalization;
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

namespace TherapyPlatform.Bench.AnalyticsLoad;

/// <summary>
/// The whole platform from the AppHost in LocalProcesses mode, in a fresh data folder on free ports (as the
/// integration tests start it); Analytics reached through its Aspire endpoint on loopback.
/// </summary>
internal sealed class Platform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(2);
    private const string SigningKey = "analytics-load-signing-key-0123456789abcdef0123456789";

    private readonly DistributedApplication app;
    private readonly DirectoryInfo dataDirectory;
    private readonly HttpClient analytics;
    private readonly HttpClient ingestion;

    private Platform(DistributedApplication app, DirectoryInfo dataDirectory, ConnectionMultiplexer redis)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
        Redis = redis;
        analytics = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = app.GetEndpoint("analytics", "http") };
        ingestion = new HttpClient { BaseAddress = app.GetEndpoint("ingestion", "http") };
        var token = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(SigningKey, "admin"));
        analytics.DefaultRequestHeaders.Authorization = token;
        ingestion.DefaultRequestHeaders.Authorization = token;
    }

    public ConnectionMultiplexer Redis { get; }

    public static async Task<Platform> StartAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("therapy-bench-");
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TherapyPlatform_AppHost>(
            [
                "Infrastructure:Mode=LocalProcesses", $"Infrastructure:DataDirectory={dataDirectory.FullName}", "Infrastructure:Ephemeral=true",
                $"Parameters:auth-signing-key={SigningKey}",
            ],
            timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
        var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        foreach (var resource in new[] { "redis", "postgres", "rabbitmq", "ingestion", "analytics" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("redis", timeout.Token))! + ",allowAdmin=true");
        return new Platform(app, dataDirectory, redis);
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>Uploads a file through Ingestion and waits until its analytics are cached.</summary>
    public async Task<Guid> AnalyzedSessionAsync(byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var upload = await ingestion.PostAsync(new Uri("/api/sessions", UriKind.Relative), form);
        if (upload.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"upload answered {upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
        }

        var sessionId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();
        await UntilAsync(sessionId, "hit");
        return sessionId;
    }

    public Task<HttpResponseMessage> GetAnalyticsAsync(Guid sessionId) =>
        analytics.GetAsync(new Uri($"/api/sessions/{sessionId}/analytics", UriKind.Relative));

    /// <summary>One GET timed from send to the last body byte, with the handler's Server-Timing and X-Cache.</summary>
    public async Task<Sample> TimedGetAsync(Guid sessionId)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await GetAnalyticsAsync(sessionId);
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new Sample(elapsed, ServerTime(response), CacheOutcome(response), (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, ex.GetType().Name, 0);
        }
    }

    public async Task StopRedisAsync()
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        await app.ResourceCommands.ExecuteCommandAsync("redis", KnownResourceCommands.StopCommand, timeout.Token);
    }

    public async Task StartRedisAsync()
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        await app.ResourceCommands.ExecuteCommandAsync("redis", KnownResourceCommands.StartCommand, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", timeout.Token);
    }

    public Task WaitForBypassAsync(Guid sessionId) => UntilAsync(sessionId, "bypass");

    public async ValueTask DisposeAsync()
    {
        analytics.Dispose();
        ingestion.Dispose();
        await Redis.DisposeAsync();
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

    private async Task UntilAsync(Guid sessionId, string outcome)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        while ((await TimedGetAsync(sessionId)).Outcome != outcome)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static string CacheOutcome(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : "none";

    /// <summary><c>Server-Timing: app;dur=0.123</c> -> 0.123.</summary>
    private static double? ServerTime(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Server-Timing", out var values)
        && values.Single().Split("dur=") is [_, var duration]
        && double.TryParse(duration, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            ? milliseconds
            : null;
}
