using TherapyPlatform.C3d.Tests.Fixtures;

namespace TherapyPlatform.C3d.Tests.Reading;

/// <summary>
/// Frame count and data start, rule by rule from docs/c3d-notes.md. The file is 100 frames of one float
/// channel (400 bytes) padded to a 512-byte block, so its length alone would say 128 frames.
/// </summary>
public sealed class FrameCountTests
{
    private const int HeaderLastFrame = 8;
    private const int HeaderDataStart = 16;

    private static readonly double[] Samples = Enumerable.Range(0, 100).Select(i => i * 0.5).ToArray();

    private readonly byte[] file = new C3dWriter { AnalogRate = 100 }.AddAnalog("EMG", Samples).ToArray();

    [Fact]
    public void Point_frames_is_used_first() => Assert.Equal(100, C3dFile.Read(file).Frames);

    [Fact]
    public void Header_is_used_when_point_frames_is_zero()
    {
        var patched = file.WithInt16(file.DataOffset("POINT", "FRAMES"), 0);

        Assert.Equal(100, C3dFile.Read(patched).Frames);
    }

    [Fact]
    public void Trial_fields_are_used_when_point_frames_and_header_are_zero()
    {
        var withTrial = new C3dWriter { AnalogRate = 100 }.AddAnalog("EMG", Samples)
            .AddParameter("TRIAL", "ACTUAL_START_FIELD", new short[] { 3, 0 })
            .AddParameter("TRIAL", "ACTUAL_END_FIELD", new short[] { 52, 0 })
            .ToArray();
        var patched = withTrial.WithInt16(withTrial.DataOffset("POINT", "FRAMES"), 0).WithInt16(HeaderLastFrame, 0);

        var read = C3dFile.Read(patched);

        Assert.Equal(50, read.Frames);
        Assert.Equal(Samples.Take(50), read.Analogs[0].Samples);
    }

    [Fact]
    public void Point_frames_above_32767_written_as_int16_is_read_unsigned()
    {
        var samples = Enumerable.Range(0, 40_000).Select(i => (double)(i % 500)).ToArray();
        var bytes = new C3dWriter { AnalogRate = 1000 }.AddAnalog("EMG", samples).ToArray();

        var read = C3dFile.Read(bytes);

        Assert.True(read.Parameters.Find("POINT", "FRAMES")!.GetInt16() < 0);
        Assert.Equal(40_000, read.Frames);
        Assert.Equal(samples, read.Analogs[0].Samples);
    }

    [Fact]
    public void Declared_frames_are_capped_by_what_the_file_holds()
    {
        var patched = file.WithInt16(file.DataOffset("POINT", "FRAMES"), 1149);

        Assert.Equal(128, C3dFile.Read(patched).Frames);
    }

    [Fact]
    public void Unfinalised_file_is_recovered_from_its_length()
    {
        var recording = GhostlyRecording.Create(frames: 40);
        var unfinalised = recording
            .WithInt16(recording.DataOffset("POINT", "FRAMES"), 0)
            .WithInt16(HeaderLastFrame, 0)
            .WithInt16(HeaderDataStart, 0)
            .Truncated(recording.Length - 512)
            .Appended(182, 0x11);
        var dataStart = (C3dFile.Read(recording).Parameters.Find("POINT", "DATA_START")!.GetInt16() - 1) * 512;
        var wholeFrames = (unfinalised.Length - dataStart) / 496;

        var read = C3dFile.Read(unfinalised);

        Assert.Equal(wholeFrames, read.Frames);
        Assert.Equal(GhostlyRecording.Emg(wholeFrames * 30, 0), read.FindAnalog("CH1 Raw")!.Samples);
    }

    [Fact]
    public void Header_data_start_is_used_when_point_data_start_is_zero()
    {
        var patched = file.WithInt16(file.DataOffset("POINT", "DATA_START"), 0);

        Assert.Equal(Samples, C3dFile.Read(patched).Analogs[0].Samples);
    }

    [Fact]
    public void Data_follows_the_parameter_section_when_no_data_start_is_given()
    {
        var patched = file.WithInt16(file.DataOffset("POINT", "DATA_START"), 0).WithInt16(HeaderDataStart, 0);

        Assert.Equal(Samples, C3dFile.Read(patched).Analogs[0].Samples);
    }
}
