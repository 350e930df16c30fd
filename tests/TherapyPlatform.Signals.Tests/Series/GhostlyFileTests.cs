using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Filtering;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Tests.Support;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Signals.Tests.Series;

/// <summary>The largest real GHOSTLY session (4 channels, 173,370 samples at 990 Hz).</summary>
public sealed class GhostlyFileTests
{
    private const string Largest = "Ghostly_Emg_20230321_17-50-17-0881.c3d";

    [SharedDataFact]
    public async Task Channel_list_has_the_recording_facts_and_the_envelope_for_raw_channels()
    {
        var signals = new SignalsHarness();
        var session = signals.AddSession(File.ReadAllBytes(SharedData.PathOf("c3d", "ghostly", Largest)));

        var (metadata, _) = await signals.Metadata.GetAsync(session, CancellationToken.None);
        var list = ChannelListResponse.From(metadata!, signals.Envelopes.IsAvailable(metadata!.AnalogRate, metadata.SamplesPerChannel));

        Assert.Equal((990.0, 173_370, 173_370 / 990.0), (list.SamplingRate, list.SamplesPerChannel, list.DurationSeconds));
        Assert.Equal(["CH1 Raw", "CH2 Raw", "CH1 activated", "CH2 activated"], list.Channels.Select(c => c.Name));
        Assert.Equal(["raw", "envelope"], list.Channels[0].Kinds);
        Assert.Equal(["activated"], list.Channels[2].Kinds);
        Assert.Equal(["envelope"], list.DerivedKinds);
    }

    [SharedDataTheory]
    [InlineData("CH1 Raw", "raw")]
    [InlineData("CH2 Raw", "raw")]
    [InlineData("CH1 activated", "activated")]
    [InlineData("CH2 activated", "activated")]
    [InlineData("CH1 Raw", "envelope")]
    [InlineData("CH2 Raw", "envelope")]
    public async Task Every_series_keeps_the_window_min_and_max_on_the_samples_over_rate_axis(string channel, string kind)
    {
        var content = File.ReadAllBytes(SharedData.PathOf("c3d", "ghostly", Largest));
        var raw = C3dFile.Read(content).FindAnalog(channel)!.Samples;
        var signal = kind == "envelope" ? EnvelopeProcessor.Compute(raw, 990) : raw;
        var signals = new SignalsHarness();
        var session = signals.AddSession(content);

        foreach (var (from, to) in new (string?, string?)[] { (null, null), ("60", "70"), ("0.5", "1.5"), ("170", null) })
        {
            var series = (await signals.ServeAsync(session, channel, kind, from, to)).Series;

            var window = signal[series.Window.First..series.Window.End];
            Assert.Equal((window.Min(), window.Max()), series.Range());
            Assert.InRange(series.PointCount, 1, 2000);
            for (var point = 0; point < series.PointCount; point++)
            {
                Assert.Equal(signal[series.SampleIndices[point]], series.Values[point]);
                Assert.Equal(series.SampleIndices[point] / 990.0, series.TimeOf(point));
            }
        }
    }
}
