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
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Bench.Hosting;

/// <summary>
/// The whole platform for a load benchmark: the AppHost in LocalProcesses mode, in a fresh data folder on free
/// loopback ports (as the integration tests start it), with admin clients of the three services. Admins are exempt
/// from the upload rate limit, and every API wants a bearer token, so its validation is part of every figure.
/// </summary>
public sealed class BenchPlatform : IAsyncDisposable
{
    public static readonly string[] Resources = ["redis", "postgres", "rabbitmq", "ingestion", "analytics", "signals"];
    private const string SigningKey = "bench-platform-signing-key-0123456789abcdef0123456789";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo dataDirectory;
    private readonly TelemetrySink telemetry;

    private BenchPlatform(DistributedApplication app, DirectoryInfo dataDirectory, TelemetrySink telemetry)
    {
        App = app;
        this.dataDirectory = dataDirectory;
        this.telemetry = telemetry;
        Ingestion = AdminClient("ingestion");
        Analytics = AdminClient("analytics");
        Signals = AdminClient("signals");
    }

    public DistributedApplication App { get; }

    /// <summary>The OTLP exports (traces, metrics, logs) the services sent to the benchmark's sink so far.</summary>
    public long TelemetryExports => telemetry.Exports;

    public HttpClient Ingestion { get; }

    public HttpClient Analytics { get; }

    public HttpClient Signals { get; }

    /// <param name="configure">Changes to the AppHost's model before it starts (a service's settings).</param>
    public static async Task<BenchPlatform> StartAsync(Action<IDistributedApplicationTestingBuilder>? configure = null)
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
        // The figures are the output: the servers' and services' own logs and the health probes stay out of it;
        // a crash shows in the resource states instead.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error)
            .AddFilter("Aspire.Hosting.Health", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("TherapyPlatform.AppHost.Resources", LogLevel.None));
        var telemetry = await TelemetrySink.StartAsync();
        foreach (var service in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(service)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", telemetry.Endpoint.ToString())
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        }

        configure?.Invoke(builder);
        var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        foreach (var resource in Resources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        return new BenchPlatform(app, dataDirectory, telemetry);
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>
    /// Waits until the machine's CPUs have been at most 25 % busy for a second (at most a minute), so a measurement
    /// starts from a warm, settled platform instead of inheriting its warm-up's last analyses and precomputations.
    /// Returns the busy share of the last second, or null where /proc/stat is missing.
    /// </summary>
    public static async Task<double?> UntilQuietAsync()
    {
        if (MachineCounters.Read() is not { } last)
        {
            return null;
        }

        var deadline = DateTime.UtcNow.AddMinutes(1);
        var busy = 1.0;
        while (busy > 0.25 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = MachineCounters.Read()!.Value;
            busy = now.BusySince(last);
            last = now;
        }

        return busy;
    }

    /// <summary>A connection of the benchmark's own to the platform's Redis (admin commands allowed, for MEMORY USAGE).</summary>
    public async Task<ConnectionMultiplexer> ConnectRedisAsync() =>
        await ConnectionMultiplexer.ConnectAsync((await App.GetConnectionStringAsync("redis"))! + ",allowAdmin=true");

    /// <summary>Uploads a session file through Ingestion; the session's id, whether new (202) or known (200).</summary>
    public async Task<Guid> UploadAsync(byte[] content, string fileName)
    {
        using var form = SessionUploads.Form(content, fileName);
        using var upload = await Ingestion.PostAsync(new Uri("/api/sessions", UriKind.Relative), form);
        if (upload.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"upload answered {upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
        }

        return (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();
    }

    /// <summary>A session's status from Ingestion (Received, Analyzing, Analyzed, Failed), throwing with the reason when it failed.</summary>
    public async Task<string> StatusAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await Ingestion.GetFromJsonAsync<JsonElement>(new Uri($"/api/sessions/{sessionId}", UriKind.Relative), cancellationToken);
        var status = session.GetProperty("status").GetString()!;
        return status == "Failed"
            ? throw new InvalidOperationException($"session {sessionId} failed: {session.GetProperty("failureReason")}")
            : status;
    }

    /// <summary>
    /// The address one replica of a service listens on itself, behind the AppHost's proxy: the orchestrator hands
    /// it to each instance as <c>ASPNETCORE_URLS</c> (the proxy's address is the one the clients above use).
    /// </summary>
    public async Task<Uri> ReplicaEndpointAsync(string resource)
    {
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var urls = new List<Uri>();
        try
        {
            // The notification stream starts with the latest snapshot of every instance.
            await foreach (var update in App.ResourceNotifications.WatchAsync(window.Token))
            {
                if (update.Resource.Name == resource)
                {
                    urls.AddRange(update.Snapshot.EnvironmentVariables
                        .Where(variable => variable.Name == "ASPNETCORE_URLS" && variable.Value is not null)
                        .SelectMany(variable => variable.Value!.Split(';'))
                        .Select(url => new Uri(url))
                        .Where(url => url.Scheme == Uri.UriSchemeHttp));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Every instance has been seen.
        }

        return urls.FirstOrDefault() ?? throw new InvalidOperationException($"no replica address of {resource} in its snapshots");
    }

    /// <summary>An admin client of the given address (a replica's own, see <see cref="ReplicaEndpointAsync"/>).</summary>
    public static HttpClient AdminClient(Uri baseAddress)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(SigningKey, "admin"));
        return client;
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

    public async ValueTask DisposeAsync()
    {
        Ingestion.Dispose();
        Analytics.Dispose();
        Signals.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
        await telemetry.DisposeAsync();
        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing its last files; the folder is under the temp directory anyway.
        }
    }

    private HttpClient AdminClient(string service) => AdminClient(App.GetEndpoint(service, "http"));
}
