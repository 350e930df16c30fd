using TherapyPlatform.C3d.Tests.Fixtures;

namespace TherapyPlatform.C3d.Tests.Reading;

/// <summary>Channel counts, labels, missing groups and parameter-chain quirks seen in real files.</summary>
public sealed class LayoutRuleTests
{
    private readonly byte[] recording = GhostlyRecording.Create(frames: 20);

    [Fact]
    public void Channel_count_comes_from_the_header_without_analog_used()
    {
        var patched = recording.WithText(recording.ParameterNameOffset("ANALOG", "USED"), "XSED");

        var read = C3dFile.Read(patched);

        Assert.Equal(GhostlyRecording.Labels, read.Analogs.Select(a => a.Label));
        Assert.Equal(GhostlyRecording.Emg(600, 3), read.Analogs[3].Samples);
    }

    [Fact]
    public void File_without_analog_group_reads_channels_from_the_header()
    {
        var patched = recording.WithText(recording.GroupNameOffset("ANALOG"), "ANALOX");

        var read = C3dFile.Read(patched);

        Assert.Equal(4, read.Analogs.Count);
        Assert.All(read.Analogs, a => Assert.Equal(string.Empty, a.Label));
        Assert.Equal(990, read.AnalogRate);
        Assert.Equal(GhostlyRecording.Emg(600, 1), read.Analogs[1].Samples);
    }

    [Fact]
    public void File_without_point_group_uses_header_rate_and_samples_per_frame()
    {
        var samples = Enumerable.Range(0, 600).Select(i => (double)i).ToArray();
        var bytes = new C3dWriter { PointRate = 60, AnalogRate = 600 }.AddAnalog("F1x12", samples).ToArray();
        var patched = bytes.WithText(bytes.GroupNameOffset("POINT"), "POINX");

        var read = C3dFile.Read(patched);

        Assert.Null(read.Parameters.Group("POINT"));
        Assert.Equal(60, read.PointRate);
        Assert.Equal(10, read.AnalogSamplesPerFrame);
        Assert.Equal(60, read.Frames);
        Assert.Equal(samples, read.Analogs[0].Samples);
    }

    [Fact]
    public void More_labels_than_used_channels_is_normal()
    {
        var patched = recording.WithInt16(recording.DataOffset("ANALOG", "USED"), 2);

        var read = C3dFile.Read(patched);

        Assert.Equal(["CH1 Raw", "CH2 Raw"], read.Analogs.Select(a => a.Label));
    }

    [Fact]
    public void Labels_padded_with_nuls_or_spaces_are_trimmed()
    {
        var bytes = new C3dWriter { AnalogRate = 10 }
            .AddAnalog("F1x12\0", [1]).AddAnalog("CH1 Raw      ", [2]).AddAnalog("Fz", [3]).ToArray();

        var read = C3dFile.Read(bytes);

        Assert.Equal(["F1x12", "CH1 Raw", "Fz"], read.Analogs.Select(a => a.Label));
        Assert.Same(read.Analogs[1], read.FindAnalog(" ch1 raw"));
    }

    [Fact]
    public void Channel_count_is_not_assumed_to_be_four()
    {
        var read = C3dFile.Read(GhostlyRecording.Create(frames: 5, channels: 6));

        Assert.Equal(6, read.Analogs.Count);
        Assert.Equal("CH6 Extra", read.Analogs[5].Label);
        Assert.Equal(GhostlyRecording.Emg(150, 5), read.Analogs[5].Samples);
    }

    [Fact]
    public void Group_ids_need_not_be_contiguous()
    {
        var read = C3dFile.Read(recording);
        var info = read.Parameters.Group("INFO")!;
        var patched = recording.WithByte(info.Offset + 1, unchecked((byte)-9));
        foreach (var parameter in info.Parameters)
        {
            patched = patched.WithByte(parameter.Offset + 1, 9);
        }

        var reread = C3dFile.Read(patched);

        Assert.Equal(9, reread.Parameters.Group("INFO")!.Id);
        Assert.Equal("Ghostly", reread.Ghostly!.GameName);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(32000)]
    public void Last_record_may_point_into_the_zero_padding_or_past_the_section(short offset)
    {
        var last = C3dFile.Read(recording).Parameters.Groups[^1].Parameters[^1];
        var patched = recording.WithInt16(last.Offset + 2 + last.Name.Length, offset);

        var read = C3dFile.Read(patched);

        Assert.Equal(new DateTime(2023, 3, 21, 17, 50, 0), read.Ghostly!.Time);
        Assert.Equal(GhostlyRecording.Emg(600, 0), read.Analogs[0].Samples);
    }

    [Fact]
    public void Header_events_are_read_when_there_is_no_event_group()
    {
        var patched = recording
            .WithInt16(298, 12345).WithInt16(300, 2)
            .WithText(396, "HS  TO  ");
        BitConverter.GetBytes(0.25f).CopyTo(patched, 304);
        BitConverter.GetBytes(1.5f).CopyTo(patched, 308);

        var read = C3dFile.Read(patched);

        Assert.Equal([new C3dEvent("HS", 0.25), new C3dEvent("TO", 1.5)], read.Events);
    }

    [Fact]
    public void File_without_info_group_has_no_ghostly_metadata()
    {
        var read = C3dFile.Read(new C3dWriter { AnalogRate = 10 }.AddAnalog("A", [1])
            .AddParameter("SUBJECTS", "NAMES", "someone").ToArray());

        Assert.Null(read.Ghostly);
    }
}
