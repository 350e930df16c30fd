using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using StackExchange.Redis;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Signals;

/// <summary>What the Signals tests do on the running platform: get a session analysed, read its series, look into Redis.</summary>
public sealed class SignalsPlatform(PlatformFixture platform) : IDisposable
{
    public const string LargestGhostly = "Ghostly_Emg_20230321_17-50-17-0881.c3d";
    public const double Rate = 990;

    private static readonly TimeSpan AnalysisTimeout = TimeSpan.FromSeconds(90);

    private ConnectionMultiplexer? redis;

    public HttpClient Signals { get; } = platform.CreateClient("signals");

    public HttpClient Ingestion { get; } = platform.CreateClient("ingestion");

    public static byte[] RealFile() => File.ReadAllBytes(SharedData.PathOf("c3d", "ghostly", LargestGhostly));

    /// <summary>
    /// 30 s of a GHOSTLY-shaped recording at 990 Hz: CH1/CH2 Raw EMG bursts with a spike each way, and their
    /// activated channels. <paramref name="variant"/> changes the content, hence the session.
    /// </summary>
    public static byte[] GeneratedFile(int variant = 0)
    {
        const int samples = 29_700;
        var ch1 = new double[samples];
        var ch2 = new double[samples];
        var activated = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var burst = (i / 2970) % 2 == 1 ? 1.0 : 0.1;
            ch1[i] = burst * 1e-3 * Math.Sin(2 * Math.PI * 90 * i / Rate);
            ch2[i] = burst * 6e-4 * Math.Sin(2 * Math.PI * (47 + variant) * i / Rate);
            activated[i] = burst > 0.5 ? 2e-4 : 0;
        }

        ch1[12_345] = 4e-3;
        ch1[23_456] = -3.5e-3;
        return new C3dWriter { AnalogRate = Rate, PointRate = 33 }
            .AddAnalog("CH1 Raw", ch1)
            .AddAnalog("CH2 Raw", ch2)
            .AddAnalog("CH1 activated", activated)
            .AddAnalog("CH2 activated", activated)
            .ToArray();
    }

    /// <summary>Uploads the file through Ingestion (or finds its session) and waits until it is analysed.</summary>
    public async Task<Guid> AnalyzedSessionAsync(byte[] content, string fileName = "signals-test.c3d")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var upload = await Ingestion.PostAsync("/api/sessions", form);
        Assert.True(upload.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, $"upload answered {upload.StatusCode}");
        var sessionId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();
        await WaitForAnalysisAsync(sessionId, requestNumber: 1);
        return sessionId;
    }

    /// <summary>Waits until the session's analysis of at least <paramref name="requestNumber"/> has ended, and asserts it succeeded.</summary>
    public async Task WaitForAnalysisAsync(Guid sessionId, int requestNumber)
    {
        using var timeout = new CancellationTokenSource(AnalysisTimeout);
        while (true)
        {
            var session = await Ingestion.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}", timeout.Token);
            var status = session.GetProperty("status").GetString();
            if (session.GetProperty("requestNumber").GetInt32() >= requestNumber && status is "Analyzed" or "Failed")
            {
                Assert.Equal("Analyzed", status);
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

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

    /// <summary>Polls Redis until the value under <paramref name="key"/> satisfies <paramref name="done"/>.</summary>
    public static async Task<byte[]> WaitForRedisValueAsync(IDatabase redis, string key, Func<byte[], bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
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
