using TherapyPlatform.Emg.Scoring;

namespace TherapyPlatform.Emg.Analysis;

/// <summary>The analysis of one session file: file facts, one entry per muscle (by base name, in file order), scores.</summary>
public sealed record SessionAnalysis
{
    public FileFacts FileFacts { get; init; } = new();

    public IReadOnlyDictionary<string, ChannelAnalysis> Channels { get; init; } = new Dictionary<string, ChannelAnalysis>();

    public ClinicalScores Scores { get; init; } = new();
}

/// <summary>Facts about the recording, named as in the reference's report.</summary>
public sealed record FileFacts
{
    public string? File { get; init; }

    /// <summary>POINT:FRAMES as declared in the parameters.</summary>
    public int? PointFrames { get; init; }

    /// <summary>The header's first and last frame as written (the last is 0 in an unfinalised recording).</summary>
    public int HeaderFirstFrame { get; init; }

    public int HeaderLastFrame { get; init; }

    /// <summary>Frames actually read from the data section.</summary>
    public int FramesRead { get; init; }

    public double PointRate { get; init; }

    public double AnalogRate { get; init; }

    public int AnalogSamplesPerFrame { get; init; }

    public int AnalogChannels { get; init; }

    public int SamplesPerChannel { get; init; }

    /// <summary>Samples per channel / ANALOG:RATE.</summary>
    public double DurationS { get; init; }

    public IReadOnlyList<string> ChannelLabels { get; init; } = [];
}
