using TherapyPlatform.Analytics.Analysis;
using TherapyPlatform.Analytics.Tests.Support;
using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Analytics.Tests.Analysis;

public sealed class FileAnalysisTests
{
    [Fact]
    public void A_recording_with_muscles_is_analysed_with_the_session_settings()
    {
        var settings = new SessionSettings { TargetContractions = 3, DurationThresholdMs = 1000 };

        var result = FileAnalysis.Run(RecordingFiles.TwoMuscles(), settings, AnalyticsSettings.Default, "two.c3d");

        Assert.Null(result.FailureReason);
        var analysis = result.Analysis!;
        Assert.Equal(["CH1", "CH2"], analysis.Channels.Keys);
        Assert.Equal(3, analysis.Scores.TargetContractions);
        Assert.Equal("two.c3d", analysis.FileFacts.File);
        Assert.Equal(RecordingFiles.Samples, analysis.FileFacts.SamplesPerChannel);
        Assert.All(analysis.Channels.Values, channel => Assert.Equal(3, channel.ContractionCount));
    }

    [Fact]
    public void An_unreadable_file_fails_with_the_readers_reason()
    {
        var content = RecordingFiles.TwoMuscles()[..700];

        var result = FileAnalysis.Run(content, new SessionSettings(), AnalyticsSettings.Default, "cut.c3d");

        Assert.Null(result.Analysis);
        Assert.StartsWith("The file is not a readable C3D file: ", result.FailureReason);
    }

    [Fact]
    public void A_file_without_analog_channels_fails()
    {
        var result = FileAnalysis.Run(RecordingFiles.WithoutAnalogs(), new SessionSettings(), AnalyticsSettings.Default, "points.c3d");

        Assert.Equal("The file has no analog (EMG) channels to analyse.", result.FailureReason);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_damaged_sample_that_makes_a_value_not_finite_fails_instead_of_an_analysis_that_cannot_be_served(double sample)
    {
        var writer = new C3dWriter { AnalogRate = RecordingFiles.Rate, PointRate = 33 };
        foreach (var analog in C3dFile.Read(RecordingFiles.TwoMuscles()).Analogs)
        {
            var samples = analog.Samples.ToArray();
            samples[2500] = analog.Label == "CH1 Raw" ? sample : samples[2500];
            writer.AddAnalog(analog.Label, samples);
        }

        var result = FileAnalysis.Run(writer.ToArray(), new SessionSettings(), AnalyticsSettings.Default, "damaged.c3d");

        Assert.Null(result.Analysis);
        Assert.StartsWith("The recording's samples give values that are not finite numbers", result.FailureReason);
    }

    [Fact]
    public void Invalid_settings_fail_with_the_settings_reason()
    {
        var settings = new SessionSettings { MvcThresholdPercent = 150 };

        var result = FileAnalysis.Run(RecordingFiles.TwoMuscles(), settings, AnalyticsSettings.Default, "two.c3d");

        Assert.Null(result.Analysis);
        Assert.StartsWith("The session cannot be analysed with its settings: ", result.FailureReason);
        Assert.Contains("MVC threshold", result.FailureReason);
    }
}
