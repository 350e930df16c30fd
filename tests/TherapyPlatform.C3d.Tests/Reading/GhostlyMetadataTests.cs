using TherapyPlatform.C3d.Tests.Fixtures;

namespace TherapyPlatform.C3d.Tests.Reading;

public sealed class GhostlyMetadataTests
{
    [Fact]
    public void Info_and_subjects_become_a_typed_record()
    {
        var file = C3dFile.Read(GhostlyRecording.Create(frames: 66));

        Assert.Equal(
            new GhostlyMetadata("Ghostly", "2", "---", "OpenFeasyo.Android", 3, "---", "N/A",
                new DateTime(2023, 3, 21, 17, 50, 0), "Default", 24, "Using ETRO extended marker set",
                TimeSpan.FromSeconds(2)),
            file.Ghostly);
    }

    [Fact]
    public void Unreadable_time_is_null_rather_than_an_error()
    {
        var bytes = new C3dWriter { AnalogRate = 990, PointRate = 33 }
            .AddAnalog("CH1 Raw", new double[990])
            .AddParameter("INFO", "TIME", ["2024", "13", "40", "10", "5"])
            .ToArray();

        var ghostly = C3dFile.Read(bytes).Ghostly!;

        Assert.Null(ghostly.Time);
        Assert.Null(ghostly.PlayerName);
        Assert.Equal(TimeSpan.FromSeconds(1), ghostly.RecordedDuration);
    }
}
