using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using StackExchange.Redis;
using TherapyPlatform.Bench.Hosting;
using TherapyPlatform.Contracts.Caching;

namespace TherapyPlatform.Bench.SignalsLoad;

/// <summary>What the signals benchmark does on the platform, with Signals' memory cache set by the benchmark.</summary>
internal sealed class Platform : IAsyncDisposable
{
    private static readonly TimeSpan AnalysisTimeout = TimeSpan.FromMinutes(2);

    private readonly BenchPlatform platform;
    private readonly ConnectionMultiplexer redis;

    private Platform(BenchPlatform platform, ConnectionMultiplexer redis)
    {
        this.platform = platform;
        this.redis = redis;
    }

    public HttpClient Signals => platform.Signals;

    public static async Task<Platform> StartAsync(int signalsMemoryMegabytes)
    {
        var platform = await BenchPlatform.StartAsync(builder => builder.CreateResourceBuilder<ProjectResource>("signals")
            .WithEnvironment("Signals__MemoryCacheMegabytes", signalsMemoryMegabytes.ToString(CultureInfo.InvariantCulture)));
        return new Platform(platform, await platform.ConnectRedisAsync());
    }

    /// <summary>Uploads a file through Ingestion and waits until it is analysed and Signals has precomputed its overviews.</summary>
    public async Task<Guid> AnalyzedSessionAsync(byte[] content, string fileName)
    {
        var sessionId = await platform.UploadAsync(content, fileName);
        using var timeout = new CancellationTokenSource(AnalysisTimeout);
        // The consumer writes the CH2 envelope last: once it is there, every overview is.
        while (await platform.StatusAsync(sessionId, timeout.Token) != "Analyzed"
            || !await redis.GetDatabase().KeyExistsAsync(CacheKeys.Overview(sessionId, "CH2 Raw", "envelope")))
        {
            await Task.Delay(50, timeout.Token);
        }

        return sessionId;
    }

    public async ValueTask DisposeAsync()
    {
        await redis.DisposeAsync();
        await platform.DisposeAsync();
    }
}
