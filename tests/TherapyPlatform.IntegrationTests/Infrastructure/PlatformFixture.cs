using Aspire.Hosting;
using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TherapyPlatform.Cli.Tokens;

namespace TherapyPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Starts the whole AppHost once for every test in the <see cref="PlatformCollection"/>: real Redis, PostgreSQL and
/// RabbitMQ as local processes in a fresh data folder on free ports, so tests never share state with a running
/// development AppHost. Every start and wait has an explicit timeout.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    public static readonly string[] Services = ["ingestion", "analytics", "signals"];
    public static readonly string[] Servers = ["redis", "postgres", "rabbitmq"];

    public const string WebhookSecret = "integration-test-webhook-secret";
    public const string SigningKey = "integration-test-signing-key-0123456789abcdef0123456789";
    public const string Bucket = "c3d-examples";

    private readonly DirectoryInfo dataDirectory = Directory.CreateTempSubdirectory("therapy-it-");
    private DistributedApplication? app;

    public DistributedApplication App => app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The stand-in for Supabase Storage that the webhook downloads from.</summary>
    public FakeSupabaseStorage Storage { get; } = new();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await Storage.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TherapyPlatform_AppHost>(
            [
                "Infrastructure:Mode=LocalProcesses",
                $"Infrastructure:DataDirectory={dataDirectory.FullName}",
                "Infrastructure:Ephemeral=true",
                $"Parameters:storage-url={Storage.Url}",
                $"Parameters:storage-bucket={Bucket}",
                $"Parameters:storage-service-key={FakeSupabaseStorage.ServiceKey}",
                $"Parameters:webhook-secret={WebhookSecret}",
                $"Parameters:auth-signing-key={SigningKey}",
            ],
            timeout.Token);
        // Resource output reaches the test log: a service that fails to start says why (its stderr is an error).
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error)
            .AddSimpleConsole(console => console.SingleLine = true));

        app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        foreach (var resource in Servers.Concat(Services))
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
    }

    /// <summary>A client of a service that sends an admin's bearer token.</summary>
    public HttpClient CreateClient(string service) => CreateClient(service, Token("admin"));

    /// <summary>A client of a service that sends the given bearer token (none when null).</summary>
    public HttpClient CreateClient(string service, string? token)
    {
        var client = App.CreateHttpClient(service, "http");
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>
    /// Waits until every service's <c>/health</c> answers 200: readiness converges again after a fault test restarts a
    /// server (clients reconnect on their own schedule), and later tests must find the platform as it was.
    /// </summary>
    public async Task WaitUntilServicesHealthyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        foreach (var service in Services)
        {
            using var client = CreateClient(service, token: null);
            while (true)
            {
                using (var response = await client.GetAsync("/health", timeout.Token))
                {
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }

                await Task.Delay(500, timeout.Token);
            }
        }
    }

    /// <summary>A token signed with the platform's key, as <c>therapy token</c> makes them.</summary>
    public static string Token(string role, params string[] patients) =>
        DevelopmentTokens.Create(SigningKey, role, patients, subject: $"test-{role}");

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }

        await Storage.DisposeAsync();

        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing its last files; the folder is under the temp directory anyway.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}

/// <summary>
/// The tests that stop servers, kill a replica and flood the platform with fuzzed files get a platform of their own,
/// so what they leave behind (queued work, reconnecting clients) cannot decide whether another test passes.
/// Collections run one after another (see AssemblyInfo.cs), never two platforms at once on the same cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultPlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Faults";
}
