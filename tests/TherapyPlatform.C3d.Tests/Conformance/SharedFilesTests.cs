using TherapyPlatform.C3d.Tests.Fixtures;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.C3d.Tests.Conformance;

/// <summary>Every file in <c>shared/c3d/</c> read through the library and compared with expected.json.</summary>
public sealed class SharedFilesTests
{
    [SharedDataTheory]
    [MemberData(nameof(ExpectedC3d.FileNames), MemberType = typeof(ExpectedC3d))]
    public void Library_reads_every_shared_file_as_expected(string name)
    {
        var expected = ExpectedC3d.Entry(name);
        var bytes = File.ReadAllBytes(ExpectedC3d.PathOf(name));
        if (expected["error"] is not null)
        {
            var error = Assert.Throws<C3dFormatException>(() => C3dFile.Read(bytes));
            Assert.Contains("empty", error.Message, StringComparison.OrdinalIgnoreCase);
            return;
        }

        var file = C3dFile.Read(bytes);
        var recoverable = expected["recoverable"]?.AsObject();
        Assert.Equal(expected["processor"]!.GetValue<string>(), ProcessorName(file.Processor));
        Assert.Equal(expected["float"]!.GetValue<bool>(), file.IsFloat);
        Assert.Equal(expected["unsigned_analog"]!.GetValue<bool>(), file.IsUnsignedAnalog);
        Assert.Equal(expected["points"]!.GetValue<int>(), file.Points.Count);
        Assert.Equal((recoverable ?? expected)["frames"]!.GetValue<int>(), file.Frames);
        ExpectedC3d.AssertClose(expected["point_rate"]!.GetValue<double>(), file.PointRate, "point rate");
        ExpectedC3d.AssertClose(expected["analog_rate"]?.GetValue<double>() ?? 0, file.AnalogRate, "analog rate");
        Assert.Equal(
            expected["groups"]!.AsArray().Select(g => g!.GetValue<string>()),
            file.Parameters.Groups.Select(g => g.Name).Order(StringComparer.Ordinal));

        var channels = expected["analog"]!.AsArray();
        Assert.Equal(channels.Count, file.Analogs.Count);
        for (var c = 0; c < channels.Count; c++)
        {
            var e = channels[c]!.AsObject();
            var samples = file.Analogs[c].Samples;
            Assert.Equal(e["label"]?.GetValue<string>() ?? string.Empty, file.Analogs[c].Label);
            Assert.Equal(recoverable?["samples_per_channel"]!.GetValue<int>() ?? e["n"]!.GetValue<int>(),
                samples.Length);
            if (recoverable is not null || samples.Length == 0)
            {
                continue;
            }

            ExpectedC3d.AssertClose(e["sum"]!.GetValue<double>(), samples.Sum(), $"{name}[{c}] sum");
            ExpectedC3d.AssertClose(e["sum_abs"]!.GetValue<double>(), samples.Sum(Math.Abs), $"{name}[{c}] sum_abs");
            Assert.Equal(e["min"]!.GetValue<double>(), samples.Min());
            Assert.Equal(e["max"]!.GetValue<double>(), samples.Max());
            Assert.Equal(e["first"]!.AsArray().Select(v => v!.GetValue<double>()), samples.Take(3));
        }
    }

    [SharedDataFact]
    public void Unfinalised_ghostly_file_is_recovered_from_its_length()
    {
        var file = C3dFile.Read(File.ReadAllBytes(
            SharedData.PathOf("c3d", "ghostly", "Ghostly_Emg_20240304_10-05-56-0883.c3d")));

        Assert.Equal(4731, file.Frames);
        Assert.All(file.Analogs, channel => Assert.Equal(141_930, channel.Samples.Length));
        ExpectedC3d.AssertClose(-22.3371188, file.FindAnalog("ch1 raw ")!.Samples.Sum(), "CH1 Raw sum",
            ExpectedC3d.RecoveredSumRelative);
    }

    [SharedDataFact]
    public void Empty_file_is_a_clear_error()
    {
        var error = Assert.Throws<C3dFormatException>(() =>
            C3dFile.Read(File.ReadAllBytes(SharedData.PathOf("c3d", "generic", "Empty.c3d"))));

        Assert.Equal("empty file (0 bytes) (at byte 0)", error.Message);
    }

    [SharedDataFact]
    public void Ghostly_metadata_is_typed()
    {
        var file = C3dFile.Read(File.ReadAllBytes(
            SharedData.PathOf("c3d", "ghostly", "Ghostly_Emg_20230321_17-50-17-0881.c3d")));

        var ghostly = file.Ghostly!;
        Assert.Equal("Ghostly", ghostly.GameName);
        Assert.Equal("1", ghostly.GameLevel);
        Assert.Equal("---", ghostly.GameLevelName);
        Assert.Equal("OpenFeasyo.Android", ghostly.Version);
        Assert.Equal(173, ghostly.DurationSeconds);
        Assert.Equal(new DateTime(2023, 3, 21, 17, 50, 0), ghostly.Time);
        Assert.Equal("Default", ghostly.PlayerName);
        Assert.Equal(12, ghostly.GameScore);
        Assert.Equal("Using ETRO extended marker set", ghostly.MarkerSet);
        Assert.Equal(173_370 / 990.0, ghostly.RecordedDuration.TotalSeconds, 6);
        Assert.Equal("PlayerPosition", Assert.Single(file.Points).Label);
    }

    [SharedDataFact]
    public void Dec_and_mips_files_match_their_intel_twin_exactly()
    {
        var intel = Read("Eb015pr.c3d");
        foreach (var twin in new[] { Read("Eb015vr.c3d"), Read("Eb015sr.c3d") })
        {
            Assert.Equal(intel.Analogs.Select(a => a.Samples), twin.Analogs.Select(a => a.Samples));
            Assert.Equal(intel.Points.Select(p => p.Positions), twin.Points.Select(p => p.Positions));
            Assert.Equal(intel.Events, twin.Events);
        }

        static C3dFile Read(string name) => C3dFile.Read(File.ReadAllBytes(ExpectedC3d.PathOf(name)));
    }

    private static string ProcessorName(C3dProcessor processor) => processor switch
    {
        C3dProcessor.Dec => "DEC",
        C3dProcessor.Mips => "MIPS",
        _ => "Intel",
    };
}
