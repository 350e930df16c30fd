namespace TherapyPlatform.Emg.Settings;

/// <summary>
/// Settings of one therapy session, each optional: given with the request, read from the file's THERAPY
/// parameter group, or left to <see cref="SessionDefaults"/>.
/// </summary>
public sealed record SessionSettings
{
    /// <summary>MVC (volts) per muscle base name (e.g. CH1); wins over <see cref="SessionMvc"/>.</summary>
    public IReadOnlyDictionary<string, double>? MvcByChannel { get; init; }

    /// <summary>One MVC value (volts) for every muscle without its own.</summary>
    public double? SessionMvc { get; init; }

    /// <summary>Share of the MVC a contraction must reach, in percent.</summary>
    public double? MvcThresholdPercent { get; init; }

    public double? DurationThresholdMs { get; init; }

    public int? TargetContractions { get; init; }

    /// <summary>Blood-flow-restriction cuff pressure in % of the arterial occlusion pressure.</summary>
    public double? BfrPressureAop { get; init; }

    /// <summary>The patient's rating of perceived exertion, 0-10.</summary>
    public int? Rpe { get; init; }

    public double? GamePoints { get; init; }

    public double? GameMaxPoints { get; init; }
}

/// <summary>The settings in force for an analysis, after request, file and defaults.</summary>
public sealed record ResolvedSessionSettings
{
    public IReadOnlyDictionary<string, double> MvcByChannel { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    public double? SessionMvc { get; init; }

    public double MvcThresholdPercent { get; init; }

    public double DurationThresholdMs { get; init; }

    public int TargetContractions { get; init; }

    public double? BfrPressureAop { get; init; }

    public int? Rpe { get; init; }

    public double? GamePoints { get; init; }

    public double? GameMaxPoints { get; init; }

    /// <summary>The channel's own MVC, if any (base name, case-insensitive).</summary>
    public double? MvcFor(string muscle) => MvcByChannel.TryGetValue(muscle, out var value) ? value : null;

    /// <summary>Each value from the request, else from the file, else the default; per-muscle MVCs merge, the request winning.</summary>
    public static ResolvedSessionSettings Resolve(SessionSettings? request, SessionSettings? file, SessionDefaults? defaults = null)
    {
        defaults ??= new SessionDefaults();
        var mvc = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in new[] { file?.MvcByChannel, request?.MvcByChannel })
        {
            foreach (var (muscle, value) in source ?? new Dictionary<string, double>())
            {
                mvc[muscle.Trim()] = Positive(value, "MVC of " + muscle);
            }
        }

        var resolved = new ResolvedSessionSettings
        {
            MvcByChannel = mvc,
            SessionMvc = request?.SessionMvc ?? file?.SessionMvc,
            MvcThresholdPercent = request?.MvcThresholdPercent ?? file?.MvcThresholdPercent ?? defaults.MvcThresholdPercent,
            DurationThresholdMs = request?.DurationThresholdMs ?? file?.DurationThresholdMs ?? defaults.DurationThresholdMs,
            TargetContractions = request?.TargetContractions ?? file?.TargetContractions ?? defaults.TargetContractions,
            BfrPressureAop = request?.BfrPressureAop ?? file?.BfrPressureAop,
            Rpe = request?.Rpe ?? file?.Rpe,
            GamePoints = request?.GamePoints ?? file?.GamePoints,
            GameMaxPoints = request?.GameMaxPoints ?? file?.GameMaxPoints,
        };
        resolved.Validate();
        return resolved;
    }

    private void Validate()
    {
        if (SessionMvc is { } session)
        {
            Positive(session, "session MVC");
        }

        if (MvcThresholdPercent is <= 0 or > 100 || double.IsNaN(MvcThresholdPercent))
        {
            throw new ArgumentException($"The MVC threshold must be within (0, 100] %, not {MvcThresholdPercent}.");
        }

        if (DurationThresholdMs < 0 || double.IsNaN(DurationThresholdMs))
        {
            throw new ArgumentException($"The duration threshold must not be negative ({DurationThresholdMs} ms).");
        }

        if (TargetContractions <= 0)
        {
            throw new ArgumentException($"The target number of contractions must be positive ({TargetContractions}).");
        }

        if (Rpe is < 0 or > 10)
        {
            throw new ArgumentException($"The RPE must be within 0-10 ({Rpe}).");
        }

        if (GameMaxPoints is { } max)
        {
            Positive(max, "maximum game points");
        }
    }

    private static double Positive(double value, string what) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentException($"The {what} must be positive ({value}).");
}
