using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Signals;

/// <summary>The Signals API on the running platform, for sessions uploaded through Ingestion and analysed by Analytics.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SignalsApiTests(PlatformFixture platform) : IDisposable
{
    private readonly SignalsPlatform signals = new(platform);

    [SharedDataFact]
    public async Task Channel_list_of_a_real_ghostly_file_has_its_channels_rate_samples_and_duration()
    {
        var sessionId = await signals.AnalyzedSessionAsync(SignalsPlatform.RealFile(), SignalsPlatform.LargestGhostly);

        var list = await signals.JsonAsync($"/api/sessions/{sessionId}/signals");

        Assert.Equal(990, list.GetProperty("samplingRate").GetDouble());
        Assert.Equal(173_370, list.GetProperty("samplesPerChannel").GetInt32());
        Assert.Equal(173_370 / 990.0, list.GetProperty("durationSeconds").GetDouble());
        var channels = list.GetProperty("channels").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("muscle").GetString()));
        Assert.Equal(
            [("CH1 Raw", "raw", "CH1"), ("CH2 Raw", "raw", "CH2"), ("CH1 activated", "activated", "CH1"), ("CH2 activated", "activated", "CH2")],
            channels);
        Assert.Equal(["envelope"], list.GetProperty("derivedKinds").EnumerateArray().Select(k => k.GetString()));
    }

    [SharedDataFact]
    public async Task Downsampled_raw_series_keep_the_global_min_and_max_on_the_samples_over_rate_axis()
    {
        var content = SignalsPlatform.RealFile();
        var file = C3dFile.Read(content);
        var sessionId = await signals.AnalyzedSessionAsync(content, SignalsPlatform.LargestGhostly);

        foreach (var analog in file.Analogs)
        {
            var series = await signals.JsonAsync($"/api/sessions/{sessionId}/signals/{Uri.EscapeDataString(analog.Label)}");

            var time = SignalsPlatform.Doubles(series.GetProperty("time"));
            var values = SignalsPlatform.Doubles(series.GetProperty("values"));
            Assert.InRange(values.Length, 2, 2000);
            Assert.Equal(analog.Samples.Min(), values.Min());
            Assert.Equal(analog.Samples.Max(), values.Max());
            Assert.Equal(analog.Samples.Min(), series.GetProperty("min").GetDouble());
            Assert.Equal(analog.Samples.Max(), series.GetProperty("max").GetDouble());
            for (var point = 0; point < time.Length; point++)
            {
                var sample = (int)Math.Round(time[point] * SignalsPlatform.Rate);
                Assert.Equal(sample / SignalsPlatform.Rate, time[point]);
                Assert.Equal(analog.Samples[sample], values[point]);
            }

            Assert.Equal(173_370 / 990.0, series.GetProperty("durationSeconds").GetDouble());
            Assert.Equal(173_370 / 990.0 / values.Length, series.GetProperty("effectiveIntervalSeconds").GetDouble(), 12);
            Assert.Equal("min-max", series.GetProperty("downsampling").GetString());
        }
    }

    [SharedDataFact]
    public async Task The_envelope_equals_the_EMG_library_envelope_in_windows_and_overviews()
    {
        var content = SignalsPlatform.RealFile();
        var envelope = EnvelopeProcessor.Compute(C3dFile.Read(content).FindAnalog("CH1 Raw")!.Samples, SignalsPlatform.Rate);
        var sessionId = await signals.AnalyzedSessionAsync(content, SignalsPlatform.LargestGhostly);

        var window = await signals.JsonAsync($"/api/sessions/{sessionId}/signals/CH1%20Raw?kind=envelope&from=60&to=70&maxPoints=20000");
        var overview = await signals.JsonAsync($"/api/sessions/{sessionId}/signals/ch1?kind=envelope");

        Assert.Equal(envelope[59_400..69_300], SignalsPlatform.Doubles(window.GetProperty("values")));
        Assert.Equal("envelope", window.GetProperty("kind").GetString());
        Assert.Equal(envelope.Min(), overview.GetProperty("min").GetDouble());
        Assert.Equal(envelope.Max(), overview.GetProperty("max").GetDouble());
    }

    [Fact]
    public async Task From_to_windows_return_the_C3D_library_samples_at_their_times()
    {
        var content = SignalsPlatform.GeneratedFile();
        var samples = C3dFile.Read(content).FindAnalog("CH1 Raw")!.Samples;
        var sessionId = await signals.AnalyzedSessionAsync(content);

        var series = await signals.JsonAsync($"/api/sessions/{sessionId}/signals/CH1%20Raw?from=12&to=13.5&maxPoints=5000");

        Assert.Equal(samples[11_880..13_365], SignalsPlatform.Doubles(series.GetProperty("values")));
        Assert.Equal(Enumerable.Range(11_880, 1485).Select(i => i / SignalsPlatform.Rate), SignalsPlatform.Doubles(series.GetProperty("time")));
        var window = series.GetProperty("window");
        Assert.Equal((11_880, 1485), (window.GetProperty("firstSample").GetInt32(), window.GetProperty("sampleCount").GetInt32()));
        Assert.Equal(1 / SignalsPlatform.Rate, series.GetProperty("effectiveIntervalSeconds").GetDouble(), 15);
        Assert.Equal("none", series.GetProperty("downsampling").GetString());
        Assert.Equal(30.0, series.GetProperty("durationSeconds").GetDouble());
    }

    [Fact]
    public async Task Channel_names_match_case_insensitively_url_encoded_or_by_muscle()
    {
        var sessionId = await signals.AnalyzedSessionAsync(SignalsPlatform.GeneratedFile());
        const string query = "?from=1&to=2";

        var byLabel = await signals.JsonAsync($"/api/sessions/{sessionId}/signals/CH1%20Raw{query}");
        var lowerCase = await signals.JsonAsync($"/api/sessions/{sessionId}/signals/ch1%20raw{query}");
        var byMuscle = await signals.JsonAsync($"/api/sessions/{sessionId}/signals/Ch1{query}");
        var activated = await signals.JsonAsync($"/api/sessions/{sessionId}/signals/CH1?kind=activated&from=1&to=2");

        Assert.All([lowerCase, byMuscle], other => Assert.Equal(byLabel.GetProperty("values").GetRawText(), other.GetProperty("values").GetRawText()));
        Assert.Equal("CH1 Raw", lowerCase.GetProperty("channel").GetString());
        Assert.Equal("CH1 activated", activated.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Octet_stream_and_csv_decode_to_the_json_values()
    {
        var sessionId = await signals.AnalyzedSessionAsync(SignalsPlatform.GeneratedFile());
        var path = $"/api/sessions/{sessionId}/signals/CH2%20Raw?from=3&to=20&maxPoints=1500";
        var json = await signals.JsonAsync(path);
        var time = SignalsPlatform.Doubles(json.GetProperty("time"));
        var values = SignalsPlatform.Doubles(json.GetProperty("values"));

        using var binaryRequest = new HttpRequestMessage(HttpMethod.Get, path);
        binaryRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
        using var binary = await signals.Signals.SendAsync(binaryRequest);
        using var csv = await signals.Signals.GetAsync(path + "&format=csv");

        Assert.Equal("application/octet-stream", binary.Content.Headers.ContentType?.MediaType);
        var bytes = await binary.Content.ReadAsByteArrayAsync();
        Assert.Equal(values.Length * 8, bytes.Length);
        for (var point = 0; point < values.Length; point++)
        {
            Assert.Equal((float)time[point], BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(point * 8)));
            Assert.Equal((float)values[point], BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan((point * 8) + 4)));
        }

        Assert.Equal(values.Length.ToString(CultureInfo.InvariantCulture), binary.Headers.GetValues("X-Signal-Points").Single());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time_s,value", lines[0]);
        Assert.Equal(time, lines.Skip(1).Select(l => double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)));
        Assert.Equal(values, lines.Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("CH1%20Raw?kind=filtered", "kind must be raw, activated or envelope")]
    [InlineData("CH1%20Raw?from=abc", "from must be a number of seconds")]
    [InlineData("CH1%20Raw?maxPoints=1", "maxPoints must be a whole number")]
    [InlineData("CH1%20Raw?from=31", "at or after the end of the recording (30 s)")]
    [InlineData("CH1%20Raw?from=5&to=4", "must be later than from")]
    [InlineData("CH1%20Raw?format=xml", "format must be one of json, csv, octet-stream")]
    [InlineData("CH1%20activated?kind=envelope", "kind=envelope is not available")]
    public async Task Bad_parameters_are_400_problems_with_the_reason(string request, string reason)
    {
        var sessionId = await signals.AnalyzedSessionAsync(SignalsPlatform.GeneratedFile());

        using var response = await signals.Signals.GetAsync($"/api/sessions/{sessionId}/signals/{request}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task Unknown_sessions_and_channels_are_404_and_a_malformed_id_is_400()
    {
        var sessionId = await signals.AnalyzedSessionAsync(SignalsPlatform.GeneratedFile());

        using var unknownSession = await signals.Signals.GetAsync($"/api/sessions/{Guid.NewGuid()}/signals");
        using var unknownSeries = await signals.Signals.GetAsync($"/api/sessions/{Guid.NewGuid()}/signals/CH1%20Raw");
        using var unknownChannel = await signals.Signals.GetAsync($"/api/sessions/{sessionId}/signals/CH7%20Raw");
        using var malformed = await signals.Signals.GetAsync("/api/sessions/not-a-session/signals");

        await AssertProblemAsync(unknownSession, HttpStatusCode.NotFound, "There is no session");
        await AssertProblemAsync(unknownSeries, HttpStatusCode.NotFound, "There is no session");
        await AssertProblemAsync(unknownChannel, HttpStatusCode.NotFound, "no channel 'CH7 Raw'");
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "must be a GUID");
    }

    public void Dispose() => signals.Dispose();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
