namespace TherapyPlatform.C3d;

/// <summary>The parameters the writer derives from the data (POINT, ANALOG, EVENT, TRIAL).</summary>
internal static class StandardGroups
{
    /// <summary>Keeps one record well under the 32,767-byte reach of its 16-bit offset.</summary>
    private const int MaxRecordBytes = 32000;

    public static List<ParameterDraft> Point(FileShape shape, int dataStartBlock, string[] labels)
    {
        List<ParameterDraft> group =
        [
            ParameterDraft.Scalar("USED", C3dParameterType.Int16, labels.Length),
            ParameterDraft.Scalar("SCALE", C3dParameterType.Float, shape.StoredPointScale),
            ParameterDraft.Scalar("RATE", C3dParameterType.Float, shape.FrameRate),
            ParameterDraft.Scalar("FRAMES", C3dParameterType.Int16, Math.Min(shape.Frames, ushort.MaxValue)),
            ParameterDraft.Scalar("DATA_START", C3dParameterType.Int16, dataStartBlock),
        ];
        group.AddRange(TextChunks("LABELS", labels));
        return group;
    }

    public static List<ParameterDraft> Analog(FileShape shape, bool unsigned, List<AnalogDraft> analogs)
    {
        List<ParameterDraft> group =
        [
            ParameterDraft.Scalar("USED", C3dParameterType.Int16, analogs.Count),
            ParameterDraft.Scalar("RATE", C3dParameterType.Float, shape.AnalogRate),
            ParameterDraft.Scalar("GEN_SCALE", C3dParameterType.Float, 1),
        ];
        group.AddRange(TextChunks("LABELS", analogs.Select(a => a.Label).ToArray()));
        group.AddRange(NumberChunks("SCALE", C3dParameterType.Float, analogs.Select(a => (double)a.Scale).ToArray()));
        group.AddRange(NumberChunks("OFFSET", C3dParameterType.Int16, analogs.Select(a => (double)a.Offset).ToArray()));
        if (unsigned)
        {
            group.Add(ParameterDraft.Text("FORMAT", "UNSIGNED"));
        }

        return group;
    }

    public static List<ParameterDraft> Events(List<C3dEvent> events)
    {
        if (events.Count > ParameterDraft.MaxDimension)
        {
            throw new InvalidOperationException($"at most {ParameterDraft.MaxDimension} events can be written");
        }

        var times = new double[2 * events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            times[2 * i + 1] = (float)events[i].TimeSeconds;
        }

        return
        [
            ParameterDraft.Scalar("USED", C3dParameterType.Int16, events.Count),
            ParameterDraft.Texts("LABELS", events.Select(e => e.Label).ToArray()),
            ParameterDraft.Texts("CONTEXTS", events.Select(e => e.Context).ToArray()),
            ParameterDraft.Texts("DESCRIPTIONS", events.Select(e => e.Description).ToArray()),
            ParameterDraft.Values("TIMES", C3dParameterType.Float, times, [2, events.Count]),
        ];
    }

    /// <summary>More than 65,535 frames: two 16-bit words each, low then high.</summary>
    public static List<ParameterDraft> Trial(int frames) =>
    [
        ParameterDraft.Values("ACTUAL_START_FIELD", C3dParameterType.Int16, [1, 0]),
        ParameterDraft.Values("ACTUAL_END_FIELD", C3dParameterType.Int16, [frames & 0xFFFF, frames >> 16]),
    ];

    /// <summary>LABELS, LABELS2, ...: a dimension is one byte and a record must stay in reach of its offset.</summary>
    private static IEnumerable<ParameterDraft> TextChunks(string name, string[] values)
    {
        var width = Math.Max(1, values.Length == 0 ? 0 : values.Max(v => v.Length));
        var size = Math.Min(ParameterDraft.MaxDimension, MaxRecordBytes / width);
        return values.Chunk(size).Select((chunk, i) => ParameterDraft.Texts(ChunkName(name, i), chunk));
    }

    private static IEnumerable<ParameterDraft> NumberChunks(string name, C3dParameterType type, double[] values) =>
        values.Chunk(ParameterDraft.MaxDimension)
            .Select((chunk, i) => ParameterDraft.Values(ChunkName(name, i), type, chunk));

    private static string ChunkName(string name, int index) => index == 0 ? name : name + (index + 1);
}
