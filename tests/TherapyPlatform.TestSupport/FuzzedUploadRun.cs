using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TherapyPlatform.C3d;
using TherapyPlatform.C3d.Fuzzing;

namespace TherapyPlatform.TestSupport;

/// <summary>
/// Uploads mutated C3D files (the C3D library's <see cref="C3dMutations"/> of small GHOSTLY-shaped seeds) through
/// Ingestion's <c>POST /api/sessions</c> and follows every accepted session to its end. The rule it checks (issue 8):
/// an upload is refused 400 with a reason, or accepted (202, or 200 for a mutation equal to an earlier one) and then
/// ends Analyzed or Failed with a reason; anything else (a 500, a 503, a session that never ends, a failure without
/// a reason, an analysed session whose analytics or signals cannot be read) is listed in <see cref="Unexplained"/>.
/// Shared by the integration test (a CI-sized run) and the load bench (the full 10,000).
/// </summary>
/// <param name="ingestion">Ingestion, with a token that may upload (an admin's is not rate limited).</param>
/// <param name="analytics">Analytics, with a token that may read every session.</param>
/// <param name="signals">Signals, with a token that may read every session.</param>
public sealed class FuzzedUploadRun(HttpClient ingestion, HttpClient analytics, HttpClient signals)
{
    private readonly ConcurrentDictionary<HttpStatusCode, int> answers = new();
    private readonly ConcurrentDictionary<Guid, string> sessions = new();
    private readonly ConcurrentDictionary<string, int> outcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> unexplained = new();

    /// <summary>How many uploads got each status code.</summary>
    public IReadOnlyDictionary<HttpStatusCode, int> Answers => answers;

    /// <summary>The accepted sessions, with the name of the mutation that made each.</summary>
    public IReadOnlyDictionary<Guid, string> Sessions => sessions;

    /// <summary>How the accepted sessions ended (Analyzed, Failed).</summary>
    public IReadOnlyDictionary<string, int> Outcomes => outcomes;

    /// <summary>Every answer or outcome that breaks the rule, with the mutation's name.</summary>
    public IReadOnlyCollection<string> Unexplained => unexplained;

    /// <summary>
    /// The seeds: small files (1-3 s, one to four muscles, 16-64 KB) so that a mutation that still reads as C3D is
    /// stored and analysed quickly, while header and parameters (where most mutations land) are those of real sessions.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Seeds() =>
    [
        ("ghostly-2s-2m", GhostlyFiles.Create(seed: 90_001, seconds: 2)),
        ("ghostly-3s-1m", GhostlyFiles.Create(seed: 90_002, seconds: 3, muscles: 1)),
        ("ghostly-1s-4m", GhostlyFiles.Create(seed: 90_003, seconds: 1, muscles: 4)),
    ];

    /// <summary><paramref name="count"/> mutations, the seeds' in turn (deterministic: the same count gives the same files).</summary>
    public static IEnumerable<C3dMutation> Corpus(int count)
    {
        var seeds = Seeds();
        return C3dMutations.Generate(seeds, (count + seeds.Count - 1) / seeds.Count).Take(count);
    }

    /// <summary>Uploads every mutation, <paramref name="concurrency"/> at a time; returns how long it took.</summary>
    public async Task<TimeSpan> UploadAsync(IEnumerable<C3dMutation> corpus, int concurrency, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (mutation, token) => await UploadAsync(mutation, token));
        return stopwatch.Elapsed;
    }

    /// <summary>Polls every accepted session until it has ended, within <paramref name="timeout"/>; returns how long it took.</summary>
    public async Task<TimeSpan> WaitForOutcomesAsync(TimeSpan timeout, int concurrency = 4)
    {
        var stopwatch = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(timeout);
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (session, _) => await FollowAsync(session.Key, session.Value, deadline.Token));
        return stopwatch.Elapsed;
    }

    private async Task UploadAsync(C3dMutation mutation, CancellationToken cancellationToken)
    {
        using var form = SessionUploads.Form(mutation.Bytes, "fuzzed.c3d");
        using var response = await ingestion.PostAsync(new Uri("/api/sessions", UriKind.Relative), form, cancellationToken);
        answers.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Accepted or HttpStatusCode.OK:
                using (var json = JsonDocument.Parse(body))
                {
                    sessions.TryAdd(json.RootElement.GetProperty("sessionId").GetGuid(), mutation.Name);
                }

                break;
            case HttpStatusCode.BadRequest when ReasonOf(body) is { Length: > 0 }:
                break;
            default:
                unexplained.Enqueue($"{mutation.Name}: {(int)response.StatusCode} {body}");
                break;
        }
    }

    private async Task FollowAsync(Guid sessionId, string mutation, CancellationToken deadline)
    {
        var uri = new Uri($"/api/sessions/{sessionId}", UriKind.Relative);
        try
        {
            while (true)
            {
                var session = await ingestion.GetFromJsonAsync<JsonElement>(uri, deadline);
                var status = session.GetProperty("status").GetString()!;
                if (status is "Analyzed" or "Failed")
                {
                    outcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
                    if (status == "Failed" && string.IsNullOrWhiteSpace(session.GetProperty("failureReason").GetString()))
                    {
                        unexplained.Enqueue($"{mutation}: session {sessionId} Failed without a reason");
                    }

                    if (status == "Analyzed")
                    {
                        await ReadAsync(analytics, $"/api/sessions/{sessionId}/analytics", mutation, deadline);
                        await ReadAsync(signals, $"/api/sessions/{sessionId}/signals", mutation, deadline);
                    }

                    return;
                }

                await Task.Delay(200, deadline);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            unexplained.Enqueue($"{mutation}: session {sessionId} had not ended in time");
        }
    }

    /// <summary>An analysed session's analytics and channel list must be readable (a 500 here is a 500 all the same).</summary>
    private async Task ReadAsync(HttpClient service, string path, string mutation, CancellationToken cancellationToken)
    {
        using var response = await service.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            unexplained.Enqueue($"{mutation}: GET {path} answered {(int)response.StatusCode}");
        }
    }

    private static string? ReasonOf(string problem)
    {
        try
        {
            using var json = JsonDocument.Parse(problem);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
