using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;
using TherapyPlatform.Bench.AnalyticsLoad;
using TherapyPlatform.Bench.Hosting;
using TherapyPlatform.Contracts.Caching;

// GET /api/sessions/{id}/analytics end to end over HTTP on loopback (see bench/README.md, "Analytics cache"):
// 200 requests/s for 30 s each for hits, misses (the entry deleted just before each request) and with Redis
// stopped; the server's own time of a hit beside a raw Redis GET of the same value and the HTTP floor (GET /alive the
// same way); Redis memory per session. "redis-only" turns Analytics' memory layer off, so every hit reads Redis;
// NAME=VALUE sets an environment variable of Analytics, to measure what a setting costs (OTEL_SDK_DISABLED=true).
// Usage: AnalyticsLoad [perSecond=200] [seconds=30] [redis-only] [NAME=VALUE ...]
var perSecond = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30);
var analyticsEnvironment = args.Skip(2).Select(AnalyticsSetting).ToList();

await using var platform = await Platform.StartAsync(analyticsEnvironment);
var sessions = new List<(string Name, Guid Id)>();
foreach (var (name, content) in GhostlyFiles.All())
{
    sessions.Add((name, await platform.AnalyzedSessionAsync(content, name + ".c3d")));
}

var redis = platform.Redis.GetDatabase();
Console.WriteLine($"{Environment.ProcessorCount} cores, load average {Platform.LoadAverage()}, Analytics environment: {
    (analyticsEnvironment.Count == 0 ? "as configured" : string.Join(' ', analyticsEnvironment.Select(e => $"{e.Key}={e.Value}")))}");
Console.WriteLine();
Console.WriteLine("| Session file | JSON bytes | stored bytes | Redis memory analytics | Redis memory metadata | total per session |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var (name, id) in sessions)
{
    using var response = await platform.GetAnalyticsAsync(id);
    var json = (await response.Content.ReadAsByteArrayAsync()).Length;
    var stored = await redis.StringLengthAsync(CacheKeys.Analytics(id));
    var analytics = (long)await redis.ExecuteAsync("MEMORY", "USAGE", CacheKeys.Analytics(id));
    var metadata = (long)await redis.ExecuteAsync("MEMORY", "USAGE", CacheKeys.Metadata(id));
    Console.WriteLine($"| {name} | {json:N0} | {stored:N0} | {analytics:N0} | {metadata:N0} | {analytics + metadata:N0} |");
}

Console.WriteLine();
Console.WriteLine("| Scenario | Requests | p50 ms | p99 ms | max ms | server p50 ms | server p99 ms | machine CPU ms / request | context switches / request | answers |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
Guid SessionOf(int i) => sessions[i % sessions.Count].Id;

static KeyValuePair<string, string> AnalyticsSetting(string argument)
{
    var setting = argument == "redis-only" ? "Cache__LocalTtlSeconds=0" : argument;
    var separator = setting.IndexOf('=', StringComparison.Ordinal);
    return separator > 0
        ? new(setting[..separator], setting[(separator + 1)..])
        : throw new ArgumentException($"'{argument}' is neither redis-only nor NAME=VALUE.", nameof(args));
}

// Each scenario starts on a settled machine, not amid the one before's refills, recompilations or Redis restart.
async Task<Measurement> MeasureAsync(Func<int, Task<Sample>> call)
{
    await BenchPlatform.UntilQuietAsync();
    return await OpenLoop.MeasureAsync(perSecond, duration, call);
}

// Warm-up (JIT, connections), not reported.
await OpenLoop.RunAsync(perSecond, TimeSpan.FromSeconds(5), i => platform.TimedGetAsync(SessionOf(i)));
Console.WriteLine(OpenLoop.Row("hit", await MeasureAsync(i => platform.TimedGetAsync(SessionOf(i)))));
Console.WriteLine(OpenLoop.Row("HTTP floor: GET /alive", await MeasureAsync(_ => platform.TimedAliveAsync())));

// The AppHost's proxy is development's load balancer, not the service: the same two rows past it, to one replica.
using (var replica = await platform.ReplicaClientAsync())
{
    await OpenLoop.RunAsync(perSecond, TimeSpan.FromSeconds(5), i => platform.TimedGetAsync(SessionOf(i), replica));
    Console.WriteLine(OpenLoop.Row("hit, straight to one replica", await MeasureAsync(i => platform.TimedGetAsync(SessionOf(i), replica))));
    Console.WriteLine(OpenLoop.Row("GET /alive, straight to one replica", await MeasureAsync(_ => platform.TimedAliveAsync(replica))));
}

var rawGets = await MeasureAsync(async i =>
{
    var started = Stopwatch.GetTimestamp();
    var value = (byte[]?)await redis.StringGetAsync(CacheKeys.Analytics(SessionOf(i)));
    return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, value is null ? "null" : "value", 0);
});
Console.WriteLine(OpenLoop.Row("raw Redis GET of the entry (client side)", rawGets));

Console.WriteLine(OpenLoop.Row("miss", await MeasureAsync(async i =>
{
    await platform.EvictAsync(SessionOf(i));
    return await platform.TimedGetAsync(SessionOf(i));
})));

await platform.StopRedisAsync();
await platform.WaitForBypassAsync(SessionOf(0));
Console.WriteLine(OpenLoop.Row("Redis stopped", await MeasureAsync(i => platform.TimedGetAsync(SessionOf(i)))));
await platform.StartRedisAsync();
Console.WriteLine();
Console.WriteLine($"The services' telemetry went to the benchmark's OTLP sink: {platform.TelemetryExports} exports.");
