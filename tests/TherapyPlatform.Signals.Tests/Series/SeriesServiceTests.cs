using TherapyPlatform.C3d;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Metadata;
using TherapyPlatform.Signals.Overviews;
using TherapyPlatform.Signals.Series;
using TherapyPlatform.Signals.Tests.Support;
using TherapyPlatform.Sessions.Metadata;

namespace TherapyPlatform.Signals.Tests.Series;

public sealed class SeriesServiceTests
{
    private readonly SignalsHarness signals = new();
    private readonly byte[] file = TestRecordings.Ghostly();
    private readonly C3dFile decoded;

    public SeriesServiceTests() => decoded = C3dFile.Read(file);

    [Fact]
    public async Task A_window_returns_the_C3D_library_samples_at_their_times()
    {
        var session = signals.AddSession(file);

        var served = await signals.ServeAsync(session, "CH1 Raw", from: "4", to: "5.5", maxPoints: "100000");

        var expected = decoded.FindAnalog("CH1 Raw")!.Samples[3960..5445];
        Assert.Equal(expected, served.Series.Values);
        Assert.Equal(3960 / TestRecordings.Rate, served.Series.TimeOf(0));
        Assert.Equal(5444 / TestRecordings.Rate, served.Series.TimeOf(served.Series.PointCount - 1));
        Assert.Equal(1 / TestRecordings.Rate, served.Series.EffectiveIntervalSeconds, 15);
    }

    [Fact]
    public async Task The_overview_keeps_the_spikes_and_reports_the_true_duration()
    {
        var session = signals.AddSession(file);

        var served = await signals.ServeAsync(session, "ch1 raw");

        var raw = decoded.FindAnalog("CH1 Raw")!.Samples;
        Assert.Equal(2000, served.Series.PointCount);
        Assert.Equal((raw.Min(), raw.Max()), served.Series.Range());
        Assert.Equal(raw.Length / TestRecordings.Rate, served.Series.DurationSeconds);
        Assert.Equal(raw.Length / TestRecordings.Rate / 2000, served.Series.EffectiveIntervalSeconds, 12);
    }

    [Fact]
    public async Task The_envelope_is_the_EMG_library_envelope_of_the_whole_channel_then_windowed()
    {
        var session = signals.AddSession(file);

        var served = await signals.ServeAsync(session, "CH2", kind: "envelope", from: "2", to: "3", maxPoints: "5000");

        var envelope = EnvelopeProcessor.Compute(decoded.FindAnalog("CH2 Raw")!.Samples, TestRecordings.Rate);
        Assert.Equal(envelope[1980..2970], served.Series.Values);
        Assert.Equal(SignalKind.Envelope, served.Channel.Kind);
    }

    [Fact]
    public async Task Zooming_reads_the_file_once_and_then_answers_from_memory()
    {
        var session = signals.AddSession(file);

        var first = await signals.ServeAsync(session, "CH1 Raw", from: "1", to: "11");
        var second = await signals.ServeAsync(session, "CH1 Raw", from: "5", to: "15");
        var envelope = await signals.ServeAsync(session, "CH1 Raw", kind: "envelope", from: "5", to: "15");
        var envelopeAgain = await signals.ServeAsync(session, "CH1 Raw", kind: "envelope", from: "6", to: "16");

        Assert.Equal(1, signals.Files.Reads);
        Assert.Equal(CacheLayers.Memory, first.CacheLayer); // metadata rebuilt from the file left it in memory
        Assert.Equal(CacheLayers.Memory, second.CacheLayer);
        Assert.Null(envelope.CacheLayer); // computed
        Assert.Equal(CacheLayers.Memory, envelopeAgain.CacheLayer);
    }

    [Fact]
    public async Task A_computed_overview_is_kept_in_memory_and_in_the_shared_cache_for_other_replicas()
    {
        var session = signals.AddSession(file, requestNumber: 2);
        var replica = new SignalsHarness(sameStoresAs: signals);

        var computed = await signals.ServeAsync(session, "CH1 activated");
        var again = await signals.ServeAsync(session, "CH1 activated");
        var elsewhere = await replica.ServeAsync(session, "ch1 ACTIVATED");
        var elsewhereAgain = await replica.ServeAsync(session, "CH1 activated");

        var key = CacheKeys.Overview(session, "CH1 activated", "activated");
        Assert.True(OverviewCodec.TryDecode(signals.Shared.Entries[key], out var requestNumber, out _));
        Assert.Equal(2, requestNumber);
        Assert.Equal(
            new[] { CacheLayers.Memory, CacheLayers.Redis, CacheLayers.Memory },
            new[] { again.CacheLayer, elsewhere.CacheLayer, elsewhereAgain.CacheLayer });
        Assert.NotEqual(CacheLayers.Redis, computed.CacheLayer);
        Assert.Equal(computed.Series.Values, elsewhere.Series.Values);
        Assert.Equal(computed.Series.SampleIndices, elsewhere.Series.SampleIndices);
    }

    [Fact]
    public async Task Only_the_whole_recording_at_the_default_points_is_an_overview()
    {
        var session = signals.AddSession(file);

        await signals.ServeAsync(session, "CH1 Raw", maxPoints: "1000");
        await signals.ServeAsync(session, "CH1 Raw", from: "1");

        Assert.DoesNotContain(signals.Shared.Entries.Keys, k => k.Contains(":overview:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_shared_cache_unreachable_every_series_still_answers()
    {
        signals.Shared.Reachable = false;
        var session = signals.AddSession(file);

        var overview = await signals.ServeAsync(session, "CH1 Raw");
        var again = await signals.ServeAsync(session, "CH1 Raw");

        Assert.Equal(overview.Series.Values, again.Series.Values);
        Assert.Empty(signals.Shared.Entries);
    }

    [Fact]
    public async Task Metadata_from_the_shared_cache_is_used_without_asking_for_the_session()
    {
        var sessionId = Guid.NewGuid();
        var hash = TestRecordings.HashOf(file);
        signals.Files.Content[hash] = file;
        var metadata = SessionMetadataBuilder.Build(sessionId, hash, 4, TestRecordings.Rate, 19_800, ["CH1 Raw", "CH2 Raw", "CH1 activated", "CH2 activated"]);
        signals.Shared.Entries[CacheKeys.Metadata(sessionId)] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(metadata, SignalsJsonContext.Default.SessionMetadata);

        var served = await signals.ServeAsync(sessionId, "CH2 activated", from: "0", to: "1");

        Assert.Equal(4, served.Session.RequestNumber);
        Assert.Equal(990, served.Series.PointCount);
    }

    [Fact]
    public async Task Metadata_rebuilt_from_the_file_is_written_to_the_shared_cache_as_camel_case_json()
    {
        var session = signals.AddSession(file);

        await signals.Metadata.GetAsync(session, CancellationToken.None);

        var json = System.Text.Encoding.UTF8.GetString(signals.Shared.Entries[CacheKeys.Metadata(session)]);
        Assert.Contains("\"fileHash\":\"" + TestRecordings.HashOf(file) + "\"", json, StringComparison.Ordinal);
        Assert.Contains("\"samplesPerChannel\":19800", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_sessions_and_channels_are_404_and_bad_windows_400()
    {
        var session = signals.AddSession(file);

        var (_, unknownSession) = await signals.GetAsync(Guid.NewGuid(), "CH1 Raw");
        var (_, unknownChannel) = await signals.GetAsync(session, "CH9 Raw");
        var (_, pastTheEnd) = await signals.GetAsync(session, "CH1 Raw", from: "30");

        Assert.Equal(404, unknownSession!.Status);
        Assert.Equal(404, unknownChannel!.Status);
        Assert.Equal(400, pastTheEnd!.Status);
        Assert.Contains("after the end of the recording (20 s)", pastTheEnd.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_file_that_is_not_C3D_is_422_with_the_reader_reason()
    {
        var session = signals.AddSession("not a c3d file"u8.ToArray());

        var (_, problem) = await signals.GetAsync(session, "CH1 Raw");

        Assert.Equal(422, problem!.Status);
        Assert.Contains("wrong key", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_whose_file_is_gone_is_404()
    {
        var session = signals.AddSession(file);
        signals.Files.Content.Clear();

        var (_, problem) = await signals.GetAsync(session, "CH1 Raw");

        Assert.Equal(404, problem!.Status);
    }
}
