using System.Numerics;
using TherapyPlatform.C3d.Tests.Fixtures;

namespace TherapyPlatform.C3d.Tests.Writing;

/// <summary>
/// Writer -> reader round trips. The writer writes Intel by default and DEC or MIPS through its
/// <see cref="C3dWriter.Processor"/> option, so every processor and data format is covered from the same data.
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<C3dProcessor, bool> Formats => new()
    {
        { C3dProcessor.Intel, true }, { C3dProcessor.Intel, false },
        { C3dProcessor.Dec, true }, { C3dProcessor.Dec, false },
        { C3dProcessor.Mips, true }, { C3dProcessor.Mips, false },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Ghostly_recording_reads_back_exactly(C3dProcessor processor, bool isFloat)
    {
        var file = C3dFile.Read(GhostlyRecording.Create(frames: 66, processor, isFloat));

        Assert.Equal(processor, file.Processor);
        Assert.Equal(isFloat, file.IsFloat);
        Assert.Equal(66, file.Frames);
        Assert.Equal(33, file.PointRate);
        Assert.Equal(990, file.AnalogRate);
        Assert.Equal(30, file.AnalogSamplesPerFrame);
        Assert.Equal(GhostlyRecording.Labels, file.Analogs.Select(a => a.Label));
        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(GhostlyRecording.Emg(66 * 30, c), file.Analogs[c].Samples);
        }

        var point = Assert.Single(file.Points);
        Assert.Equal("PlayerPosition", point.Label);
        Assert.Equal(new Vector3(1, -17, 0.5f), point.Positions[1]);
        Assert.All(point.Residuals, r => Assert.Equal(0, r));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Points_events_and_parameters_read_back_exactly(C3dProcessor processor, bool isFloat)
    {
        Vector3[] positions = [new(1.5f, -2.25f, 100), new(-0.25f, 8191.75f, -8192), new(0, 0, 0)];
        var bytes = new C3dWriter { PointRate = 100, IsFloat = isFloat, Processor = processor, PointScale = 0.25f }
            .AddPoint("HEEL", positions, residuals: [0.5f, -1, 63.75f], cameraMasks: [3, 0, 127])
            .AddEvent("Foot Strike", 0.125, "Left", "heel contact")
            .AddEvent("Foot Off", 1.75, "Right")
            .AddParameter("THERAPY", "SESSION", "s-0042", "session id")
            .AddParameter("THERAPY", "GAINS", [0.5f, 2, -3.25f, 1e-3f, 7, 8], dimensions: [2, 3])
            .AddParameter("THERAPY", "CODES", new short[] { -32768, 0, 32767 })
            .AddParameter("THERAPY", "FLAGS", new byte[] { 0, 1, 255 })
            .ToArray();

        var file = C3dFile.Read(bytes);

        var point = Assert.Single(file.Points);
        Assert.Equal(positions, point.Positions);
        Assert.Equal([0.5f, -1, 63.75f], point.Residuals);
        Assert.Equal([3, 0, 127], point.CameraMasks);
        Assert.Equal(
            [new C3dEvent("Foot Strike", 0.125, "Left", "heel contact"), new C3dEvent("Foot Off", 1.75, "Right")],
            file.Events);
        var therapy = file.Parameters.Group("therapy")!;
        Assert.Equal("s-0042", therapy.Parameter("SESSION")!.GetString());
        Assert.Equal("session id", therapy.Parameter("SESSION")!.Description);
        Assert.Equal([2, 3], therapy.Parameter("GAINS")!.Dimensions);
        Assert.Equal([0.5f, 2, -3.25f, 1e-3f, 7, 8], therapy.Parameter("GAINS")!.GetFloats());
        Assert.Equal([-32768, 0, 32767], therapy.Parameter("CODES")!.GetInt16s());
        Assert.Equal([0, 1, 255], therapy.Parameter("FLAGS")!.GetBytes());
    }

    [Theory]
    [InlineData(C3dProcessor.Intel, false)]
    [InlineData(C3dProcessor.Mips, false)]
    [InlineData(C3dProcessor.Dec, true)]
    public void Unsigned_analog_data_reads_back_exactly(C3dProcessor processor, bool isFloat)
    {
        double[] samples = [-1, -0.5, 0, 0.25, 1];
        var bytes = new C3dWriter
            {
                AnalogRate = 1000, IsFloat = isFloat, IsUnsignedAnalog = true, Processor = processor,
            }
            .AddAnalog("Fz", samples, scale: 1.0 / 1024, offset: 40000)
            .ToArray();

        var file = C3dFile.Read(bytes);

        Assert.True(file.IsUnsignedAnalog);
        Assert.Equal("UNSIGNED", file.Parameters.Find("ANALOG", "FORMAT")!.GetString());
        Assert.Equal(40000, file.Parameters.Find("ANALOG", "OFFSET")!.GetUInt16s()[0]);
        Assert.Equal(samples, file.Analogs[0].Samples);
    }

    [Fact]
    public void More_than_255_channels_use_labels2_scale2_and_offset2()
    {
        var writer = new C3dWriter { AnalogRate = 100, IsFloat = false };
        for (var c = 0; c < 300; c++)
        {
            writer.AddAnalog($"A{c}", [c, -c], scale: 1.0 / (1 << (c % 4)), offset: c % 7);
        }

        var file = C3dFile.Read(writer.ToArray());

        Assert.NotNull(file.Parameters.Find("ANALOG", "LABELS2"));
        Assert.NotNull(file.Parameters.Find("ANALOG", "SCALE2"));
        Assert.NotNull(file.Parameters.Find("ANALOG", "OFFSET2"));
        Assert.Equal(300, file.Analogs.Count);
        Assert.Equal("A299", file.Analogs[299].Label);
        Assert.All(Enumerable.Range(0, 300), c => Assert.Equal([c, -c], file.Analogs[c].Samples));
    }

    [Fact]
    public void More_than_65535_frames_are_counted_through_trial_fields()
    {
        var samples = Enumerable.Range(0, 70_000).Select(i => (double)(i % 1000)).ToArray();
        var bytes = new C3dWriter { AnalogRate = 2000 }.AddAnalog("EMG", samples).ToArray();

        var file = C3dFile.Read(bytes);

        Assert.Equal(70_000, file.Frames);
        Assert.Equal(samples, file.Analogs[0].Samples);
    }

    [Fact]
    public void Stream_and_span_reads_agree()
    {
        var bytes = GhostlyRecording.Create(frames: 10);
        using var seekable = new MemoryStream(bytes);
        using var unseekable = new BufferedStream(new NonSeekableStream(bytes));

        var fromStream = C3dFile.Read(seekable);
        var fromUnseekable = C3dFile.Read(unseekable);

        Assert.Equal(C3dFile.Read(bytes).Analogs[1].Samples, fromStream.Analogs[1].Samples);
        Assert.Equal(fromStream.Analogs[1].Samples, fromUnseekable.Analogs[1].Samples);
    }

    [Fact]
    public void WriteTo_and_ToArray_write_the_same_bytes()
    {
        var writer = GhostlyRecording.Writer(frames: 7);
        using var stream = new MemoryStream();

        writer.WriteTo(stream);

        Assert.Equal(writer.ToArray(), stream.ToArray());
        Assert.Equal(0, stream.Length % 512);
    }

    [Fact]
    public void Writer_rejects_inconsistent_data()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new C3dWriter { PointRate = 33, AnalogRate = 1000 }.AddAnalog("A", new double[10]).ToArray());
        Assert.Throws<InvalidOperationException>(() =>
            new C3dWriter { PointRate = 10, AnalogRate = 20 }.AddAnalog("A", new double[3]).ToArray());
        Assert.Throws<ArgumentException>(() =>
            new C3dWriter { AnalogRate = 10, IsFloat = false }.AddAnalog("A", [1e6], scale: 1));
        Assert.Throws<ArgumentException>(() =>
            new C3dWriter { PointRate = 10, IsFloat = false }.AddPoint("P", [new Vector3(1e6f, 0, 0)]));
        Assert.Throws<InvalidOperationException>(() =>
            new C3dWriter { AnalogRate = 10 }.AddParameter("ANALOG", "USED", (short)3).ToArray());
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
