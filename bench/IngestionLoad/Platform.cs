using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using TherapyPlatform.Bench.Hosting;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Bench.IngestionLoad;

/// <summary>One upload: the time from sending it to the answer, the status, and the session named in a 2xx answer.</summary>
internal sealed record Ack(double Milliseconds, HttpStatusCode Status, Guid? SessionId);

/// <summary>
/// What the Ingestion load scenarios do on the benchmark platform (<see cref="BenchPlatform"/>): timed uploads that
/// record any answer instead of throwing, waiting until sessions end, and the resource instances with their processes.
/// </summary>
internal sealed class Platform(BenchPlatform bench) : IAsyncDisposable
{
    public DistributedApplication App => bench.App;

    public HttpClient Ingestion => bench.Ingestion;

    public HttpClient Analytics => bench.Analytics;

    public HttpClient Signals => bench.Signals;

    public static async Task<Platform> StartAsync() => new(await BenchPlatform.StartAsync());

    public static string LoadAverage() => BenchPlatform.LoadAverage();

    public Task StopAsync(string resource) => bench.StopAsync(resource);

    public Task StartAsync(string resource) => bench.StartAsync(resource);

    /// <summary>Uploads a file through <c>POST /api/sessions</c>, timed from send to the answer's last byte.</summary>
    public async Task<Ack> UploadAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        using var form = SessionUploads.Form(content, "Ghostly_Emg_bench.c3d");
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
            var session = await UntilEndedAsync(id, TimeSpan.FromMilliseconds(50), deadline.Token);
            analysed += session.GetProperty("status").GetString() == "Analyzed" ? 1 : 0;
        }

        return analysed;
    }

    /// <summary>Polls a session every <paramref name="interval"/> until it is Analyzed or Failed; returns its last state.</summary>
    public async Task<JsonElement> UntilEndedAsync(Guid sessionId, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            var session = await Ingestion.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}", cancellationToken);
            if (session.GetProperty("status").GetString() is "Analyzed" or "Failed")
            {
                return session;
            }

            await Task.Delay(interval, cancellationToken);
        }
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
                if (BenchPlatform.Resources.Contains(update.Resource.Name))
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

    public ValueTask DisposeAsync() => bench.DisposeAsync();
}
