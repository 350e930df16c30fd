using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.Sessions;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>One delivery of a <see cref="WebhookDeliveryRun"/> and Ingestion's answer.</summary>
public sealed record Delivery(int File, bool IsReplay, HttpStatusCode Status, Guid? SessionId, bool Duplicate, string? Problem);

/// <summary>
/// Issue 8's webhook run: 1,000 signed storage-webhook deliveries announcing 200 distinct GHOSTLY-shaped files
/// (4 s, two muscles, about 64 KB, served by the fake storage), 20 in flight at a time. How "20 % duplicates" is read:
/// every file is announced by 4 distinct deliveries (each a fresh body with its own record id and created_at, as
/// storage sends for a re-upload or a re-fired event), so one of them creates the session and the other three are
/// answered 200 duplicate, whatever order they race in; and 200 of the 1,000 deliveries (20 %) are byte-identical
/// re-sends of an earlier delivery, which replay protection answers 409. The order is shuffled (seeded), and a
/// re-send goes out only after the delivery it repeats was answered, so its expected answer does not depend on timing.
/// </summary>
public sealed class WebhookDeliveryRun
{
    public const int Files = 200;
    public const int FreshPerFile = 4;
    public const int Replays = 200;
    public const int Concurrency = 20;
    public const int Deliveries = Files * FreshPerFile + Replays;

    private readonly string[] objectNames;
    private readonly (int File, int FreshPosition, bool IsReplay)[] plan;

    private WebhookDeliveryRun(string[] objectNames, byte[][] contents, (int, int, bool)[] plan)
    {
        this.objectNames = objectNames;
        this.plan = plan;
        SessionIds = contents.Select(c => SessionIdentity.FromHash(SessionIdentity.HashOf(c))).ToArray();
    }

    /// <summary>The session each file must become, by file index.</summary>
    public IReadOnlyList<Guid> SessionIds { get; }

    /// <summary>Puts the 200 files into the fake storage under <c>{patientCode}/…</c> and plans the deliveries.</summary>
    public static WebhookDeliveryRun Prepare(FakeSupabaseStorage storage, string patientCode, int firstSeed)
    {
        var contents = Enumerable.Range(firstSeed, Files).Select(seed => GhostlyFiles.Create(seed, seconds: 4)).ToArray();
        var names = Enumerable.Range(firstSeed, Files).Select(seed => $"{patientCode}/Ghostly_Emg_fault_{seed}.c3d").ToArray();
        for (var i = 0; i < Files; i++)
        {
            storage.Put(PlatformFixture.Bucket, names[i], contents[i]);
        }

        var random = new Random(firstSeed);
        var fresh = Enumerable.Range(0, Files * FreshPerFile).Select(i => i % Files).ToArray();
        random.Shuffle(fresh);
        var repeated = Enumerable.Range(0, fresh.Length).ToArray();
        random.Shuffle(repeated);
        // Each delivery gets a sort key: a fresh one its position, a re-send a random later point.
        var keyed = fresh.Select((file, position) => (Key: (double)position, Item: (file, position, false)))
            .Concat(repeated.Take(Replays).Select(position =>
                (Key: position + 0.5 + random.NextDouble() * (fresh.Length - position - 1), Item: (fresh[position], position, true))))
            .OrderBy(k => k.Key)
            .Select(k => k.Item)
            .ToArray();
        return new WebhookDeliveryRun(names, contents, keyed);
    }

    /// <summary>
    /// Sends every delivery, <see cref="Concurrency"/> at a time, and returns the answers in plan order and how long
    /// sending took. When <paramref name="faultAfter"/> deliveries have gone out, <paramref name="fault"/> starts; the
    /// run keeps delivering while it lasts and returns once both are done.
    /// </summary>
    public async Task<(IReadOnlyList<Delivery> Answers, TimeSpan Elapsed)> SendAsync(
        HttpClient ingestion, Func<Task>? fault = null, int faultAfter = Deliveries / 4)
    {
        var answered = plan.Where(p => !p.IsReplay)
            .ToDictionary(p => p.FreshPosition, _ => new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        var answers = new Delivery[plan.Length];
        var next = -1;
        var faulted = Task.CompletedTask;
        var stopwatch = Stopwatch.StartNew();

        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < plan.Length)
            {
                if (index == faultAfter && fault is not null)
                {
                    faulted = Task.Run(fault);
                }

                var (file, position, isReplay) = plan[index];
                var body = isReplay ? await answered[position].Task : StorageWebhooks.Body(objectNames[file]);
                try
                {
                    answers[index] = await DeliverAsync(ingestion, body, file, isReplay);
                }
                finally
                {
                    if (!isReplay)
                    {
                        answered[position].TrySetResult(body);
                    }
                }
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(WorkAsync)));
            return (answers, stopwatch.Elapsed);
        }
        finally
        {
            // The fault undoes itself; the run ends only after it has, even when a delivery threw.
            await faulted;
        }
    }

    private static async Task<Delivery> DeliverAsync(HttpClient ingestion, byte[] body, int file, bool isReplay)
    {
        using var response = await StorageWebhooks.SendAsync(ingestion, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
        {
            return new Delivery(file, isReplay, response.StatusCode, null, false, text);
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        return new Delivery(file, isReplay, response.StatusCode,
            root.TryGetProperty("sessionId", out var id) ? id.GetGuid() : null,
            root.TryGetProperty("duplicate", out var duplicate) && duplicate.GetBoolean(),
            root.TryGetProperty("ignored", out _) ? text : null);
    }
}
