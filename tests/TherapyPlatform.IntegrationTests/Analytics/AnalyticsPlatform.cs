using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Analytics;

/// <summary>What the Analytics tests do through the running platform: upload, wait, read analytics, manage the cache.</summary>
public sealed class AnalyticsPlatform(PlatformFixture platform) : IDisposable
{
    public static readonly TimeSpan AnalysisTimeout = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan CacheTimeout = TimeSpan.FromSeconds(15);

    public HttpClient Analytics { get; } = platform.CreateClient("analytics");

    public HttpClient Ingestion { get; } = platform.CreateClient("ingestion");

    public DistributedApplication App => platform.App;

    public static byte[] GhostlyFile(string name) => File.ReadAllBytes(SharedData.PathOf("c3d", "ghostly", name + ".c3d"));

    /// <summary>A real file with one more (zero) block and a random tail after its data: a session no other test has.</summary>
    public static byte[] UniqueCopy(string name) => SessionUploads.UniqueCopy(GhostlyFile(name));

    /// <summary>Uploads a file (or finds its session when it was uploaded before) and waits until it is analysed.</summary>
    public async Task<Guid> AnalyzedSessionAsync(byte[] content, string fileName, string? patientCode = null)
    {
        using var form = SessionUploads.Form(content, fileName);
        if (patientCode is not null)
        {
            form.Add(new StringContent(patientCode), "patientCode");
        }
        using var response = await Ingestion.PostAsync("/api/sessions", form);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"upload answered {response.StatusCode}");
        var sessionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();
        var status = await WaitForStatusAsync(sessionId, "Analyzed", "Failed");
        Assert.Equal("Analyzed", status);
        return sessionId;
    }

    public async Task<string> WaitForStatusAsync(Guid sessionId, params string[] statuses)
    {
        using var timeout = new CancellationTokenSource(AnalysisTimeout);
        while (true)
        {
            var details = await SessionAsync(sessionId, timeout.Token);
            var status = details.GetProperty("status").GetString()!;
            if (statuses.Contains(status))
            {
                return status;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public async Task<JsonElement> SessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        await Ingestion.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}", cancellationToken);

    public Task<HttpResponseMessage> GetAnalyticsAsync(Guid sessionId, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/sessions/{sessionId}/analytics");
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return Analytics.SendAsync(request);
    }

    /// <summary>Reads until the answer carries <paramref name="cacheOutcome"/> (the cache is filled in the background).</summary>
    public async Task<HttpResponseMessage> GetAnalyticsUntilAsync(Guid sessionId, string cacheOutcome)
    {
        using var timeout = new CancellationTokenSource(CacheTimeout);
        while (true)
        {
            var response = await GetAnalyticsAsync(sessionId);
            if (CacheOutcomeOf(response) == cacheOutcome || timeout.IsCancellationRequested)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(50, CancellationToken.None);
        }
    }

    public static string? CacheOutcomeOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null;

    public static string? CacheLayerOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache-Layer", out var values) ? values.Single() : null;

    /// <summary>
    /// Reads until <paramref name="wanted"/> hits in a row come from a replica's memory layer (the proxy spreads
    /// the reads over both replicas, so each has the entry in memory by then); false when that never happens.
    /// </summary>
    public async Task<bool> UntilMemoryHitsAsync(Guid sessionId, int wanted)
    {
        using var timeout = new CancellationTokenSource(CacheTimeout);
        var inARow = 0;
        while (inARow < wanted && !timeout.IsCancellationRequested)
        {
            using var response = await GetAnalyticsAsync(sessionId);
            inARow = CacheLayerOf(response) == "memory" ? inARow + 1 : 0;
        }

        return inARow == wanted;
    }

    public async Task<HttpResponseMessage> InvalidateAsync(object body, bool withKey = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/cache/invalidate") { Content = JsonContent.Create(body) };
        if (withKey)
        {
            request.Headers.Add("X-Admin-Key", await AdminKeyAsync());
        }

        return await Analytics.SendAsync(request);
    }

    public async Task<long> AccessCountAsync(Guid sessionId)
    {
        var stats = await Analytics.GetFromJsonAsync<JsonElement>($"/cache/stats?sessionId={sessionId}");
        return stats.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("accessCount").GetInt64()).SingleOrDefault();
    }

    /// <summary>The session's access count once it reaches <paramref name="atLeast"/> (or the cache timeout passes).</summary>
    public async Task<long> WaitForAccessCountAsync(Guid sessionId, long atLeast)
    {
        // The counters are written right after each answer, not before it.
        using var timeout = new CancellationTokenSource(CacheTimeout);
        while (true)
        {
            var count = await AccessCountAsync(sessionId);
            if (count >= atLeast || timeout.IsCancellationRequested)
            {
                return count;
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>
    /// The session's access count once the reads already answered are all counted (it held for half a second), or
    /// the latest count when it still moves after the cache timeout: the caller's assertion then fails instead of hanging.
    /// </summary>
    public async Task<long> SettledAccessCountAsync(Guid sessionId)
    {
        using var timeout = new CancellationTokenSource(CacheTimeout);
        var count = await AccessCountAsync(sessionId);
        while (true)
        {
            await Task.Delay(500, CancellationToken.None);
            var next = await AccessCountAsync(sessionId);
            if (next == count || timeout.IsCancellationRequested)
            {
                return next;
            }

            count = next;
        }
    }

    /// <summary>
    /// Waits until the cache subscription has handled the session's latest event. The consumer fills the cache
    /// first, and the subscription writes the same entry again a moment later; a test that invalidates must not
    /// let that second write land after its invalidation. The subscription gets the analysis timeout: like every
    /// Marten subscription it waits out a sequence gap left by a rolled-back append (half a second, longer while a
    /// transaction that could still fill the gap is alive). A subscription that does not arrive fails the test with
    /// the event store's progress and its long transactions, so a stall says where it stood.
    /// </summary>
    public async Task WaitForCacheSubscriptionAsync(Guid sessionId)
    {
        using var timeout = new CancellationTokenSource(AnalysisTimeout);
        // The local PostgreSQL server's connection string names the therapydb database.
        await using var database = NpgsqlDataSource.Create((await App.GetConnectionStringAsync("postgres", timeout.Token))!);
        await using var latest = database.CreateCommand("SELECT max(seq_id) FROM mt_events WHERE stream_id = $1");
        latest.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = sessionId });
        var sequence = (long)(await latest.ExecuteScalarAsync(timeout.Token))!;
        await using var progress = database.CreateCommand(
            "SELECT coalesce(max(last_seq_id), 0) FROM mt_event_progression WHERE name LIKE 'analytics-cache-writer%'");
        long reached;
        while ((reached = (long)(await progress.ExecuteScalarAsync(CancellationToken.None))!) < sequence)
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"The cache subscription reached event {reached}, not {sequence} (session {sessionId}), in {AnalysisTimeout.TotalSeconds} s. {await EventStoreStateAsync(database)}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Every daemon's progress, the sequence's last value and the transactions open for over 5 s.</summary>
    private static async Task<string> EventStoreStateAsync(NpgsqlDataSource database) =>
        $"Progress: {await RowsAsync(database, "SELECT concat(name, ' ', last_seq_id, ' at ', last_updated) FROM mt_event_progression ORDER BY name")}. "
        + $"Sequence: {await RowsAsync(database, "SELECT last_value::text FROM mt_events_sequence")}. "
        + "Transactions open over 5 s: " + await RowsAsync(database,
            """
            SELECT concat(pid, ' ', state, ' for ', now() - xact_start, ': ', left(query, 120))
            FROM pg_stat_activity WHERE xact_start < now() - interval '5 seconds' AND pid <> pg_backend_pid()
            """);

    private static async Task<string> RowsAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await using var rows = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await rows.ReadAsync())
        {
            values.Add(rows.GetString(0));
        }

        return string.Join("; ", values);
    }

    public async Task<JsonElement> StatsAsync() => await Analytics.GetFromJsonAsync<JsonElement>("/cache/stats");

    private async Task<string> AdminKeyAsync()
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        var parameter = model.Resources.OfType<ParameterResource>().Single(r => r.Name == "cache-admin-key");
        return (await ((IValueProvider)parameter).GetValueAsync())!;
    }

    public void Dispose()
    {
        Analytics.Dispose();
        Ingestion.Dispose();
    }
}
