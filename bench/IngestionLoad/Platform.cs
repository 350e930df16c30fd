using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TherapyPlatform.Cli.Tokens;

namespace TherapyPlatform.Bench.IngestionLoad;

/// <summary>One upload: the time from sending it to the answer, the status, and the session named in a 2xx answer.</summary>
internal sealed record Ack(double Milliseconds, HttpStatusCode Status, Guid? SessionId);

/// <summary>
/// The whole platform from the AppHost in LocalProcesses mode, in a fresh data folder on free loopback ports (as the
/// integration tests start it), with admin clients of the services (admins are exempt from the upload rate limit).
/// </summary>
internal sealed class Platform : IAsyncDisposable
{
    public static readonly string[] Resources = ["redis", "postgres", "rabbitmq", "ingestion", "analytics", "signals"];
    private const string SigningKey = "ingestion-load-signing-key-0123456789abcdef0123456789";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo dataDirectory;

    private Platform(DistributedApplication app, DirectoryInfo dataDirectory)
    {
        App = app;
        this.dataDirectory = dataDirectory;
        Ingestion = AdminClient(app, "ingestion");
        Analytics = AdminClient(app, "analytics");
        Signals = AdminClient(app, "signals");
    }

    public DistributedApplication App { get; }

    public HttpClient Ingestion { get; }

    public HttpClient Analytics { get; }

    public HttpClient Signals { get; }

    public static async Task<Platform> StartAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("therapy-bench-ingestion-");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TherapyPlatform_AppHost>(
            [
                "Infrastructure:Mode=LocalProcesses", $"Infrastructure:DataDirectory={dataDirectory.FullName}", "Infrastructure:Ephemeral=true",
                $"Parameters:auth-signing-key={SigningKey}",
            ],
            timeout.Token);
        // The servers' and services' own output would bury the figures; crashes show in the resource states instead.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error)
            .AddFilter("Aspire.Hosting.Health", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("TherapyPlatform.AppHost.Resources", LogLevel.None));
        var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        foreach (var resource in Resources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        return new Platform(app, dataDirectory);
    }

    private static HttpClient AdminClient(DistributedApplication app, string service)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = app.GetEndpoint(service, "http") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(SigningKey, "admin"));
        return client;
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>A copy of a session file with a 512-byte block and a random tail after its data: another session (hash), the same analysis.</summary>
    public static byte[] UniqueCopy(byte[] content) => [.. content, .. new byte[512], .. Guid.NewGuid().ToByteArray()];

    /// <summary>Uploads a file through <c>POST /api/sessions</c>, timed from send to the answer's headers and body.</summary>
    public async Task<Ack> UploadAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "Ghostly_Emg_bench.c3d");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await Ingestion.PostAsync(new Uri("/api/sessions", UriKind.Relative), form, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                return new Ack(elapsed, response.StatusCode, null);
            }

            using var json = JsonDocument.Parse(body);
            return new Ack(elapsed, response.StatusCode, json.RootElement.GetProperty("sessionId").GetGuid());
        }
        catch (HttpRequestException)
        {
            return new Ack(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, null);
        }
    }

    /// <summary>Polls every session until it is Analyzed or Failed; returns how many ended Analyzed.</summary>
    public async Task<int> UntilDoneAsync(IEnumerable<Guid> sessionIds, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var analysed = 0;
        foreach (var id in sessionIds)
        {
            string? status;
            while ((status = (await Ingestion.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", deadline.Token)).GetProperty("status").GetString())
                is not ("Analyzed" or "Failed"))
            {
                await Task.Delay(50, deadline.Token);
            }

            analysed += status == "Analyzed" ? 1 : 0;
        }

        return analysed;
    }

    public async Task StopAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        await App.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.Finished, timeout.Token);
    }

    public async Task StartAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    /// <summary>
    /// Every resource instance (each replica is one) as "id state health pid", from the latest snapshots the
    /// notification stream starts with: equal before and after a run means nothing crashed or was restarted.
    /// </summary>
    public async Task<IReadOnlyList<string>> InstancesAsync()
    {
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(window.Token))
            {
                if (Resources.Contains(update.Resource.Name))
                {
                    var pid = update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value;
                    latest[update.ResourceId] = $"{update.ResourceId} {update.Snapshot.State?.Text} {update.Snapshot.HealthStatus} pid {pid}";
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The window is over: every instance has been seen.
        }

        return latest.Values.Order(StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Ingestion.Dispose();
        Analytics.Dispose();
        Signals.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
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
