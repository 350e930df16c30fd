using TherapyPlatform.C3d;

namespace TherapyPlatform.Emg.Settings;

/// <summary>
/// The optional THERAPY parameter group a recording may carry with its session settings. Numeric
/// parameters may be float, int16 or byte; MVC_CHANNELS (strings) and MVC_VALUES (numbers) are parallel
/// lists of per-muscle MVCs by base name (e.g. CH1).
/// </summary>
public static class TherapyParameterGroup
{
    public const string Group = "THERAPY";
    public const string Mvc = "MVC";
    public const string MvcChannels = "MVC_CHANNELS";
    public const string MvcValues = "MVC_VALUES";
    public const string MvcThresholdPercent = "MVC_THRESHOLD_PCT";
    public const string DurationThresholdMs = "DURATION_THRESHOLD_MS";
    public const string TargetContractions = "TARGET_CONTRACTIONS";
    public const string BfrPressureAop = "BFR_PRESSURE_AOP";
    public const string Rpe = "RPE";
    public const string GamePoints = "GAME_POINTS";
    public const string GameMaxPoints = "GAME_MAX_POINTS";

    /// <summary>The settings the file carries, or null without a THERAPY group.</summary>
    public static SessionSettings? Read(C3dParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Group(Group) is null)
        {
            return null;
        }

        return new SessionSettings
        {
            MvcByChannel = ReadChannelMvcs(parameters),
            SessionMvc = Number(parameters, Mvc),
            MvcThresholdPercent = Number(parameters, MvcThresholdPercent),
            DurationThresholdMs = Number(parameters, DurationThresholdMs),
            TargetContractions = Integer(parameters, TargetContractions),
            BfrPressureAop = Number(parameters, BfrPressureAop),
            Rpe = Integer(parameters, Rpe),
            GamePoints = Number(parameters, GamePoints),
            GameMaxPoints = Number(parameters, GameMaxPoints),
        };
    }

    private static Dictionary<string, double>? ReadChannelMvcs(C3dParameters parameters)
    {
        var channels = parameters.Find(Group, MvcChannels);
        var values = parameters.Find(Group, MvcValues);
        if (channels is null || values is null)
        {
            return null;
        }

        var names = channels.GetStrings();
        var numbers = values.GetNumbers();
        if (names.Count != numbers.Length)
        {
            throw new ArgumentException($"THERAPY:{MvcChannels} has {names.Count} entries but {MvcValues} has {numbers.Length}.");
        }

        var mvc = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            mvc[names[i].Trim()] = numbers[i];
        }

        return mvc;
    }

    private static double? Number(C3dParameters parameters, string name) =>
        parameters.Find(Group, name) is { Count: > 0, Type: not C3dParameterType.Char } parameter ? parameter.GetNumber() : null;

    private static int? Integer(C3dParameters parameters, string name) =>
        Number(parameters, name) is { } value ? (int)Math.Round(value) : null;
}
