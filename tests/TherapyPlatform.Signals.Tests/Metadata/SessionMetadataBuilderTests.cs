using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Sessions.Metadata;

namespace TherapyPlatform.Signals.Tests.Metadata;

public sealed class SessionMetadataBuilderTests
{
    [Fact]
    public void Ghostly_channels_are_raw_or_activated_with_their_muscle_in_file_order_and_others_are_left_out()
    {
        var sessionId = Guid.NewGuid();

        var metadata = SessionMetadataBuilder.Build(
            sessionId, "abc", 3, 990, 173_370, ["CH1 Raw", "CH2 Raw", "Trigger", "ch1 ACTIVATED", " CH2 activated"]);

        Assert.Equal(
            [
                new ChannelMetadata("CH1 Raw", "raw", "CH1"),
                new ChannelMetadata("CH2 Raw", "raw", "CH2"),
                new ChannelMetadata("ch1 ACTIVATED", "activated", "CH1"),
                new ChannelMetadata("CH2 activated", "activated", "CH2"),
            ],
            metadata.Channels);
        Assert.Equal((sessionId, "abc", 3, 990.0, 173_370), (metadata.SessionId, metadata.FileHash, metadata.RequestNumber, metadata.AnalogRate, metadata.SamplesPerChannel));
        Assert.Equal(173_370 / 990.0, metadata.DurationSeconds);
    }

    [Fact]
    public void Without_raw_channels_each_analog_channel_is_a_raw_muscle_of_its_own()
    {
        var metadata = SessionMetadataBuilder.Build(Guid.NewGuid(), "abc", 1, 1000, 10, ["EMG1", "EMG2"]);

        Assert.Equal([new ChannelMetadata("EMG1", "raw", "EMG1"), new ChannelMetadata("EMG2", "raw", "EMG2")], metadata.Channels);
    }

    [Fact]
    public void A_file_without_analog_rate_has_no_duration()
    {
        Assert.Equal(0, SessionMetadataBuilder.Build(Guid.NewGuid(), "abc", 1, 0, 10, ["EMG1"]).DurationSeconds);
    }
}
