using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TherapyPlatform.Cli.Tokens;
using TherapyPlatform.TestSupport;

// Upload acknowledgement latency and analysis throughput (see bench/README.md, "Ingestion"): the platform from the
// AppHost in LocalProcesses mode on loopback; after a warm-up, N distinct small GHOSTLY-shaped files uploaded one
// after another (the time until the 202), then the time until every one of them is Analyzed.
// Usage: IngestionLoad [files=100] [seconds-per-file=12]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 12;
const string SigningKey = "ingestion-load-signing-key-0123456789abcdef0123456789";

var dataDirectory = Directory.CreateTempSubdirectory("therapy-bench-ingestion-");
using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TherapyPlatform_AppHost>(
    [
        "Infrastructure:Mode=LocalProcesses", $"Infrastructure:DataDirectory={dataDirectory.FullName}", "Infrastructure:Ephemeral=true",
        $"Parameters:auth-signing-key={SigningKey}",
    ],
    startTimeout.Token);
builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
await using var app = await builder.BuildAsync(startTimeout.Token);
await app.StartAsync(startTimeout.Token);
foreach (var resource in new[] { "redis", "postgres", "rabbitmq", "ingestion", "analytics", "signals" })
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startTimeout.Token);
}

using var ingestion = new HttpClient { BaseAddress = app.GetEndpoint("ingestion", "http") };
ingestion.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Create(SigningKey, "admin"));

async Task<(Guid Id, double Milliseconds)> UploadAsync(byte[] content)
{
    using var form = new MultipartFormDataContent();
    var file = new ByteArrayContent(content);
    file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
    form.Add(file, "file", "Ghostly_Emg_bench.c3d");
    var started = Stopwatch.GetTimestamp();
    using var response = await ingestion.PostAsync(new Uri("/api/sessions", UriKind.Relative), form);
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (response.StatusCode != HttpStatusCode.Accepted)
    {
        throw new InvalidOperationException($"upload answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid(), elapsed);
}

async Task UntilAnalyzedAsync(IEnumerable<Guid> ids)
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
    foreach (var id in ids)
    {
        while ((await ingestion.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", timeout.Token)).GetProperty("status").GetString() is not ("Analyzed" or "Failed"))
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}

// Warm-up: JIT, connection pools, Marten's first queries.
var warmup = new List<Guid>();
for (var i = 0; i < 20; i++)
{
    warmup.Add((await UploadAsync(GhostlyFiles.Create(seed: 1_000_000 + i, seconds))).Id);
}

await UntilAnalyzedAsync(warmup);

var files = Enumerable.Range(0, count).Select(i => GhostlyFiles.Create(seed: 2_000_000 + i, seconds)).ToList();
var latencies = new List<double>();
var ids = new List<Guid>();
var run = Stopwatch.StartNew();
foreach (var content in files)
{
    var (id, milliseconds) = await UploadAsync(content);
    ids.Add(id);
    latencies.Add(milliseconds);
}

var uploadSeconds = run.Elapsed.TotalSeconds;
await UntilAnalyzedAsync(ids);
var allAnalyzedSeconds = run.Elapsed.TotalSeconds;

latencies.Sort();
double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
Console.WriteLine($"{Environment.ProcessorCount} cores, load average {load}; {count} distinct files of {files[0].Length:N0} bytes ({seconds} s, 4 channels)");
Console.WriteLine();
Console.WriteLine("| upload ack | p50 ms | p95 ms | p99 ms | max ms |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {count} sequential uploads | {Percentile(0.50):F1} | {Percentile(0.95):F1} | {Percentile(0.99):F1} | {latencies[^1]:F1} |"));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Uploads took {uploadSeconds:F1} s ({count / uploadSeconds:F1}/s); all {count} analysed {allAnalyzedSeconds:F1} s after the first upload ({count / allAnalyzedSeconds:F1} analyses/s with 2 Analytics replicas)."));
await app.StopAsync();
dataDirectory.Delete(recursive: true);
