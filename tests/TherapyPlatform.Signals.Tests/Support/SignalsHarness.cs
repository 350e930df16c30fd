using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TherapyPlatform.ServiceDefaults.FileStore;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Metadata;
using TherapyPlatform.Signals.Overviews;
using TherapyPlatform.Signals.Recordings;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Tests.Support;

/// <summary>The service's parts wired as in the host, with the file store, session table and Redis in memory.</summary>
internal sealed class SignalsHarness
{
    /// <param name="options">Signals' settings; the defaults when null.</param>
    /// <param name="sameStoresAs">Another harness whose Redis, file store and sessions this one shares, as a second
    /// replica or a restarted process would (its memory is its own).</param>
    public SignalsHarness(SignalsOptions? options = null, SignalsHarness? sameStoresAs = null)
    {
        Shared = sameStoresAs?.Shared ?? new InMemorySharedCache();
        Files = sameStoresAs?.Files ?? new FakeFileStore();
        Sessions = sameStoresAs?.Sessions ?? new FakeSessions();
        Options = Microsoft.Extensions.Options.Options.Create(options ?? new SignalsOptions());
        Memory = new SignalsMemoryCache(Options, TimeProvider.System);
        Recordings = new RecordingCache(Memory, Files, Envelopes);
        Metadata = new SessionMetadataStore(Memory, Shared, Sessions, Recordings, Options, NullLogger<SessionMetadataStore>.Instance);
        Overviews = new OverviewStore(Memory, Shared, Options);
        Series = new SeriesService(Metadata, Recordings, Overviews, Envelopes, Options);
    }

    public IOptions<SignalsOptions> Options { get; }

    public InMemorySharedCache Shared { get; }

    public FakeFileStore Files { get; }

    public FakeSessions Sessions { get; }

    public EnvelopeCalculator Envelopes { get; } = new();

    public SignalsMemoryCache Memory { get; }

    public RecordingCache Recordings { get; }

    public SessionMetadataStore Metadata { get; }

    public OverviewStore Overviews { get; }

    public SeriesService Series { get; }

    /// <summary>Stores the file and a session made from it, as Ingestion would.</summary>
    public Guid AddSession(byte[] content, int requestNumber = 1)
    {
        var hash = TestRecordings.HashOf(content);
        Files.Content[hash] = content;
        var sessionId = Guid.NewGuid();
        Sessions.Files[sessionId] = new SessionFile(hash, requestNumber);
        return sessionId;
    }

    public Task<Outcome<ServedSeries>> GetAsync(Guid sessionId, string channel, string? kind = null, string? from = null, string? to = null, string? maxPoints = null)
    {
        Assert.True(SeriesQuery.TryParse(kind, from, to, maxPoints, Options.Value.Limits, out var query, out var errors), string.Join(" ", errors));
        return Series.GetAsync(sessionId, channel, query, CancellationToken.None);
    }

    public async Task<ServedSeries> ServeAsync(Guid sessionId, string channel, string? kind = null, string? from = null, string? to = null, string? maxPoints = null)
    {
        var (served, problem) = await GetAsync(sessionId, channel, kind, from, to, maxPoints);
        Assert.Null(problem);
        return served!;
    }
}

internal sealed class FakeFileStore : IFileStore
{
    public ConcurrentDictionary<string, byte[]> Content { get; } = new();

    private int reads;

    public int Reads => reads;

    public Task<bool> SaveAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Task.FromResult(Content.TryAdd(sha256, content.ToArray()));

    public Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        return Task.FromResult(Content.GetValueOrDefault(sha256));
    }
}

internal sealed class FakeSessions : ISessionFileLookup
{
    public ConcurrentDictionary<Guid, SessionFile> Files { get; } = new();

    public Task<SessionFile?> FindAsync(Guid sessionId, CancellationToken cancellationToken) =>
        Task.FromResult(Files.GetValueOrDefault(sessionId));
}
