using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using StackExchange.Redis;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Signals;

/// <summary>What the Signals tests do on the running platform: get a session analysed, read its series, look into Redis.</summary>
public sealed class SignalsPlatform(PlatformFixture platform) : IDisposable
{
    public const string LargestGhostly = "Ghostly_Emg_20230321_17-50-17-0881.c3d";
    public const double Rate = 990;

    private ConnectionMultiplexer? redis;

    public HttpClient Signals { get; } = platform.CreateClient("signals");

    public HttpClient Ingestion { get; } = platform.CreateClient("ingestion");

    public static byte[] RealFile() => File.ReadAllBytes(SharedData.PathOf("c3d", "ghostly", LargestGhostly));

    /// <summary>30 s of a GHOSTLY-shaped recording (two muscles, raw and activated); seeds below 7000 are other tests'.</summary>
    public static byte[] GeneratedFile(int seed = 7001) => GhostlyFiles.Create(seed, seconds: 30);

    /// <summary>Uploads the file through Ingestion (or finds its session) and waits until it is analysed.</summary>
    public async Task<Guid> AnalyzedSessionAsync(byte[] content, string fileName = "signals-test.c3d")
    {
        using var upload = await SessionsClient.UploadAsync(Ingestion, content, fileName);
        Assert.True(upload.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"upload answered {upload.StatusCode}");
        var sessionId = await SessionsClient.SessionIdOf(upload);
        await AssertAnalyzedAsync(sessionId);
        return sessionId;
    }

    /// <summary>Waits until the session's latest analysis request has ended, and asserts it succeeded.</summary>
    public async Task AssertAnalyzedAsync(Guid sessionId) =>
        Assert.Equal("Analyzed", (await SessionsClient.WaitUntilDoneAsync(Ingestion, sessionId)).GetProperty("status").GetString());

    public async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await Signals.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<IDatabase> RedisAsync()
    {
        redis ??= await ConnectionMultiplexer.ConnectAsync((await platform.App.GetConnectionStringAsync("redis"))!);
        return redis.GetDatabase();
    }

    /// <summary>
    /// Polls Redis until the value under <paramref name="key"/> satisfies <paramref name="done"/>. Generous: in the
    /// shared fixture Signals may still be working through the overviews of the fault and fuzz runs' sessions
    /// (over a thousand SessionAnalyzed messages queued ahead of this one).
    /// </summary>
    public static async Task<byte[]> WaitForRedisValueAsync(IDatabase redis, string key, Func<byte[], bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var value = await redis.StringGetAsync(key);
            if (value.HasValue && done((byte[])value!))
            {
                return (byte[])value!;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public void Dispose()
    {
        Signals.Dispose();
        Ingestion.Dispose();
        redis?.Dispose();
    }
}
