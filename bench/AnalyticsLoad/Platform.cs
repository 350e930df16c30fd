using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using StackExchange.Redis;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Bench.Hosting;

namespace TherapyPlatform.Bench.AnalyticsLoad;

/// <summary>What the analytics benchmark does on the platform: get sessions analysed and cached, and time reads.</summary>
internal sealed class Platform : IAsyncDisposable
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(2);

    private readonly BenchPlatform platform;

    private Platform(BenchPlatform platform, ConnectionMultiplexer redis)
    {
        this.platform = platform;
        Redis = redis;
    }

    public ConnectionMultiplexer Redis { get; }

    /// <param name="analyticsEnvironment">Environment variables set on Analytics, over its configuration.</param>
    public static async Task<Platform> StartAsync(IReadOnlyList<KeyValuePair<string, string>> analyticsEnvironment)
    {
        var platform = await BenchPlatform.StartAsync(builder =>
        {
            var analytics = builder.CreateResourceBuilder<ProjectResource>("analytics");
            foreach (var (name, value) in analyticsEnvironment)
            {
                analytics.WithEnvironment(name, value);
            }
        });
        return new Platform(platform, await platform.ConnectRedisAsync());
    }

    public static string LoadAverage() => BenchPlatform.LoadAverage();

    /// <summary>Uploads a file through Ingestion and waits until its analytics are cached.</summary>
    public async Task<Guid> AnalyzedSessionAsync(byte[] content, string fileName)
    {
        var sessionId = await platform.UploadAsync(content, fileName);
        await UntilAsync(sessionId, "hit");
        return sessionId;
    }

    public Task<HttpResponseMessage> GetAnalyticsAsync(Guid sessionId) => platform.Analytics.GetAsync(AnalyticsPath(sessionId));

    /// <summary>One GET timed from send to the last body byte, with the handler's Server-Timing and X-Cache.</summary>
    public Task<Sample> TimedGetAsync(Guid sessionId, HttpClient? client = null) =>
        TimedAsync(client ?? platform.Analytics, AnalyticsPath(sessionId), CacheOutcome);

    /// <summary>A client of one Analytics replica's own address, past the AppHost's proxy.</summary>
    public async Task<HttpClient> ReplicaClientAsync() => BenchPlatform.AdminClient(await platform.ReplicaEndpointAsync("analytics"));

    /// <summary>
    /// <c>GET /alive</c> timed the same way: the same client, proxy, Kestrel, authentication and telemetry, no
    /// handler work, so the hit's figure can be read against what any request costs on this host.
    /// </summary>
    public Task<Sample> TimedAliveAsync(HttpClient? client = null) =>
        TimedAsync(client ?? platform.Analytics, new Uri("/alive", UriKind.Relative), _ => "alive");

    /// <summary>Drops a session's entry from Redis and from every replica's memory layer, as Analytics itself does.</summary>
    public async Task EvictAsync(Guid sessionId)
    {
        var database = Redis.GetDatabase();
        await database.KeyDeleteAsync(CacheKeys.Analytics(sessionId));
        await database.PublishAsync(RedisChannel.Literal(CacheKeys.AnalyticsEvictions), sessionId.ToString("D"));
    }

    public Task StopRedisAsync() => platform.StopAsync("redis");

    public Task StartRedisAsync() => platform.StartAsync("redis");

    public long TelemetryExports => platform.TelemetryExports;

    public Task WaitForBypassAsync(Guid sessionId) => UntilAsync(sessionId, "bypass");

    public async ValueTask DisposeAsync()
    {
        await Redis.DisposeAsync();
        await platform.DisposeAsync();
    }

    private async Task UntilAsync(Guid sessionId, string outcome)
    {
        var started = Stopwatch.GetTimestamp();
        Sample last;
        while ((last = await TimedGetAsync(sessionId)).Outcome != outcome)
        {
            if (Stopwatch.GetElapsedTime(started) > WaitTimeout)
            {
                // Say where the session got stuck, not just that the wait was cancelled.
                // StatusAsync throws with the reason when the session failed.
                var status = await platform.StatusAsync(sessionId, CancellationToken.None);
                throw new TimeoutException(
                    $"Session {sessionId}: no '{outcome}' after {WaitTimeout.TotalMinutes} min; the last GET answered {last.Status} {last.Outcome}; Ingestion says {status}");
            }

            await Task.Delay(50);
        }
    }

    private static Uri AnalyticsPath(Guid sessionId) => new($"/api/sessions/{sessionId}/analytics", UriKind.Relative);

    private static async Task<Sample> TimedAsync(HttpClient client, Uri path, Func<HttpResponseMessage, string> outcome)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new Sample(elapsed, ServerTime(response), outcome(response), (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, ex.GetType().Name, 0);
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
