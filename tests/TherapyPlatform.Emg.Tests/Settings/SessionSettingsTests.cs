using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Channels;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Emg.Tests.Support;

namespace TherapyPlatform.Emg.Tests.Settings;

public sealed class SessionSettingsTests
{
    [Fact]
    public void Request_wins_over_the_file_which_wins_over_the_defaults()
    {
        var file = new SessionSettings
        {
            MvcByChannel = new Dictionary<string, double> { ["CH1"] = 1e-3, ["CH2"] = 2e-3 },
            MvcThresholdPercent = 60,
            TargetContractions = 10,
            BfrPressureAop = 50,
        };
        var request = new SessionSettings
        {
            MvcByChannel = new Dictionary<string, double> { ["ch2"] = 5e-3 },
            TargetContractions = 8,
        };

        var resolved = ResolvedSessionSettings.Resolve(request, file, new SessionDefaults());
        Assert.Equal(1e-3, resolved.MvcFor("CH1"));
        Assert.Equal(5e-3, resolved.MvcFor("CH2"));
        Assert.Null(resolved.MvcFor("CH3"));
        Assert.Equal(60, resolved.MvcThresholdPercent);
        Assert.Equal(8, resolved.TargetContractions);
        Assert.Equal(2000, resolved.DurationThresholdMs);
        Assert.Equal(50, resolved.BfrPressureAop);
        Assert.Null(resolved.Rpe);
    }

    [Theory]
    [InlineData(0.0, null, null)]
    [InlineData(null, 0, null)]
    [InlineData(null, null, 11)]
    public void Impossible_settings_are_refused(double? thresholdPercent, int? target, int? rpe) =>
        Assert.Throws<ArgumentException>(() => ResolvedSessionSettings.Resolve(
            new SessionSettings { MvcThresholdPercent = thresholdPercent, TargetContractions = target, Rpe = rpe }, null));

    [Fact]
    public void The_THERAPY_group_of_a_file_is_read()
    {
        var file = GhostlySession.Read(GhostlySession.Writer()
            .AddParameter(TherapyParameterGroup.Group, TherapyParameterGroup.MvcChannels, ["CH1", "CH2"])
            .AddParameter(TherapyParameterGroup.Group, TherapyParameterGroup.MvcValues, [0.0015f, 0.0007f])
            .AddParameter(TherapyParameterGroup.Group, TherapyParameterGroup.MvcThresholdPercent, 80f)
            .AddParameter(TherapyParameterGroup.Group, TherapyParameterGroup.DurationThresholdMs, 1500f)
            .AddParameter(TherapyParameterGroup.Group, TherapyParameterGroup.TargetContractions, (short)10)
            .AddParameter(TherapyParameterGroup.Group, TherapyParameterGroup.BfrPressureAop, 48f)
            .AddParameter(TherapyParameterGroup.Group, TherapyParameterGroup.Rpe, (short)5));

        var settings = TherapyParameterGroup.Read(file.Parameters)!;
        Assert.Equal(0.0015f, settings.MvcByChannel!["ch1"]);
        Assert.Equal(0.0007f, settings.MvcByChannel["CH2"]);
        Assert.Equal(80, settings.MvcThresholdPercent);
        Assert.Equal(1500, settings.DurationThresholdMs);
        Assert.Equal(10, settings.TargetContractions);
        Assert.Equal(48, settings.BfrPressureAop);
        Assert.Equal(5, settings.Rpe);
        Assert.Null(settings.SessionMvc);
        Assert.Null(TherapyParameterGroup.Read(GhostlySession.Read(GhostlySession.Writer()).Parameters));
    }

    [Fact]
    public void Raw_channels_are_muscles_paired_with_their_activation()
    {
        var muscles = ChannelDiscovery.Discover(["CH1 Raw", "CH2 Raw ", "CH1 activated", "ch2 ACTIVATED", "CH3 Raw", "Trigger"]);
        Assert.Equal(
            [new MuscleChannel("CH1", "CH1 Raw", "CH1 activated"), new MuscleChannel("CH2", "CH2 Raw", "ch2 ACTIVATED"), new MuscleChannel("CH3", "CH3 Raw", null)],
            muscles);
    }

    [Fact]
    public void Without_raw_channels_every_analog_channel_is_a_muscle()
    {
        var muscles = ChannelDiscovery.Discover(["EMG1", "EMG2"]);
        Assert.Equal([new MuscleChannel("EMG1", "EMG1", null), new MuscleChannel("EMG2", "EMG2", null)], muscles);
    }

    [Fact]
    public void Writer_and_reader_agree_on_the_session_shape()
    {
        var file = GhostlySession.Read(GhostlySession.Writer());
        Assert.Equal(GhostlySession.Rate, file.AnalogRate);
        Assert.Equal(GhostlySession.Samples, file.FindAnalog("CH1 Raw")!.Samples.Length);
        Assert.Equal(18, file.Ghostly?.GameScore);
        Assert.IsType<C3dFile>(file);
    }
}
