using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TherapyPlatform.Bench.Hosting;

/// <summary>
/// An OTLP receiver (HTTP/protobuf) that accepts every export and keeps nothing. The testing host runs no
/// dashboard yet points the services' exporters at one, so each service failed to connect and retried every
/// second: work that neither F5 (a dashboard listening) nor production (a collector) does. Exporting into this
/// sink, the services pay what exporting their telemetry costs, and nothing more.
/// </summary>
internal sealed class TelemetrySink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly StrongBox<long> count;

    private TelemetrySink(WebApplication app, Uri endpoint, StrongBox<long> count)
    {
        this.app = app;
        Endpoint = endpoint;
        this.count = count;
    }

    /// <summary>The base address for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the exporters add <c>/v1/traces</c> and the like).</summary>
    public Uri Endpoint { get; }

    /// <summary>How many exports arrived, so a run can show that the services' telemetry did reach it.</summary>
    public long Exports => Interlocked.Read(ref count.Value);

    public static async Task<TelemetrySink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var count = new StrongBox<long>();
        // An empty body is an export response without a partial-success report: everything accepted.
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref count.Value);
            return Results.Bytes(Array.Empty<byte>(), "application/x-protobuf");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TelemetrySink(app, new Uri(address), count);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
