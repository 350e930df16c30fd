using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Emg.Analysis;

namespace TherapyPlatform.Analytics.Tests.ReadModel;

public sealed class SessionMetadataBuilderTests
{
    [Fact]
    public void Channels_keep_file_order_with_their_muscle_and_kind_and_others_are_left_out()
    {
        var facts = new FileFacts
        {
            AnalogRate = 990,
            SamplesPerChannel = 1980,
            DurationS = 2,
            ChannelLabels = ["CH1 Raw", "CH2 Raw", "Battery", "ch1 ACTIVATED", "CH2 activated"],
        };
        var id = Guid.NewGuid();

        var metadata = SessionMetadataBuilder.Build(id, "hash", 3, facts);

        Assert.Equal(
            [
                new ChannelMetadata("CH1 Raw", "raw", "CH1"),
                new ChannelMetadata("CH2 Raw", "raw", "CH2"),
                new ChannelMetadata("ch1 ACTIVATED", "activated", "CH1"),
                new ChannelMetadata("CH2 activated", "activated", "CH2"),
            ],
            metadata.Channels);
        Assert.Equal((id, "hash", 3, 990.0, 1980, 2.0), (metadata.SessionId, metadata.FileHash, metadata.RequestNumber,
            metadata.AnalogRate, metadata.SamplesPerChannel, metadata.DurationSeconds));
    }

    [Fact]
    public void Without_raw_channels_every_channel_is_a_raw_muscle_of_its_own()
    {
        var facts = new FileFacts { AnalogRate = 1000, ChannelLabels = ["Biceps", "Triceps"] };

        var metadata = SessionMetadataBuilder.Build(Guid.NewGuid(), "hash", 1, facts);

        Assert.Equal([new ChannelMetadata("Biceps", "raw", "Biceps"), new ChannelMetadata("Triceps", "raw", "Triceps")], metadata.Channels);
    }
}
