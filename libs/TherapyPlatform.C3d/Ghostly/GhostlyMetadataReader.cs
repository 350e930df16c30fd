using System.Globalization;

namespace TherapyPlatform.C3d;

/// <summary>GHOSTLY metadata; INFO marks a GHOSTLY file (SUBJECTS alone is also written by Vicon).</summary>
internal static class GhostlyMetadataReader
{
    public static GhostlyMetadata? Read(C3dParameters parameters, IReadOnlyList<AnalogChannel> analogs,
        double analogRate)
    {
        var info = parameters.Group("INFO");
        var subjects = parameters.Group("SUBJECTS");
        if (info is null)
        {
            return null;
        }

        var samples = analogs.Count > 0 ? analogs[0].Samples.Length : 0;
        var recorded = analogRate > 0 ? TimeSpan.FromSeconds(samples / analogRate) : TimeSpan.Zero;
        return new GhostlyMetadata(
            Text(info.Parameter("GAME_NAME")),
            Text(info.Parameter("GAME_LEVEL")),
            Text(info.Parameter("GAME_LEVEL_NAME")),
            Text(info.Parameter("VERSION")),
            Number(info.Parameter("DURATION")),
            Text(info.Parameter("THERAPIST_ID")),
            Text(info.Parameter("GROUP_ID")),
            Timestamp(info.Parameter("TIME")),
            Text(subjects?.Parameter("PLAYER_NAME")),
            Number(subjects?.Parameter("GAME_SCORE")),
            Text(subjects?.Parameter("MARKER_SET")),
            recorded);
    }

    /// <summary>Char data as a string; a number (GAME_LEVEL is Int16) in invariant form.</summary>
    private static string? Text(C3dParameter? parameter) => parameter switch
    {
        null => null,
        { Type: C3dParameterType.Char } => parameter.GetString(),
        { Count: > 0 } => parameter.GetNumber().ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static double? Number(C3dParameter? parameter) => parameter switch
    {
        { Type: C3dParameterType.Char } when double.TryParse(parameter.GetString(), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var parsed) => parsed,
        { Type: not C3dParameterType.Char, Count: > 0 } => parameter.GetNumber(),
        _ => null,
    };

    /// <summary>INFO:TIME is a char array of [year, month, day, hour, minute].</summary>
    private static DateTime? Timestamp(C3dParameter? parameter)
    {
        if (parameter is not { Type: C3dParameterType.Char })
        {
            return null;
        }

        var parts = parameter.GetStrings();
        if (parts.Count < 5)
        {
            return null;
        }

        var numbers = new int[5];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        try
        {
            return new DateTime(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], 0);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
