using System.Globalization;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>
/// Session settings as a client sends them (multipart form fields on upload, JSON on re-analysis). Every field is
/// optional; what is missing comes from the file's THERAPY group or the defaults at analysis time.
/// </summary>
public sealed record SessionSettingsRequest
{
    /// <summary>MVC in volts per muscle, e.g. <c>{"CH1": 0.0012}</c>; as a form field <c>CH1=0.0012,CH2=0.0009</c>.</summary>
    public Dictionary<string, double>? Mvc { get; init; }

    public double? SessionMvc { get; init; }

    public double? MvcThresholdPct { get; init; }

    public double? DurationThresholdMs { get; init; }

    public int? TargetContractions { get; init; }

    public double? BfrPressureAop { get; init; }

    public int? Rpe { get; init; }

    public double? GamePoints { get; init; }

    public double? GameMaxPoints { get; init; }

    public SessionSettings ToSettings() => new()
    {
        MvcByChannel = Mvc,
        SessionMvc = SessionMvc,
        MvcThresholdPercent = MvcThresholdPct,
        DurationThresholdMs = DurationThresholdMs,
        TargetContractions = TargetContractions,
        BfrPressureAop = BfrPressureAop,
        Rpe = Rpe,
        GamePoints = GamePoints,
        GameMaxPoints = GameMaxPoints,
    };

    /// <summary>Checks the values with the analytics library's own rules; null when valid, else the reason.</summary>
    public string? Validate()
    {
        try
        {
            _ = ResolvedSessionSettings.Resolve(ToSettings(), file: null);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Reads the settings fields of a multipart form; errors are keyed by field name.</summary>
    public static SessionSettingsRequest FromForm(IFormCollection form, IDictionary<string, string[]> errors)
    {
        return new SessionSettingsRequest
        {
            Mvc = MvcList(form, "mvc", errors),
            SessionMvc = Number(form, "sessionMvc", errors),
            MvcThresholdPct = Number(form, "mvcThresholdPct", errors),
            DurationThresholdMs = Number(form, "durationThresholdMs", errors),
            TargetContractions = (int?)Whole(form, "targetContractions", errors),
            BfrPressureAop = Number(form, "bfrPressureAop", errors),
            Rpe = (int?)Whole(form, "rpe", errors),
            GamePoints = Number(form, "gamePoints", errors),
            GameMaxPoints = Number(form, "gameMaxPoints", errors),
        };
    }

    private static double? Number(IFormCollection form, string field, IDictionary<string, string[]> errors)
    {
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors[field] = [$"'{text}' is not a number."];
        return null;
    }

    private static long? Whole(IFormCollection form, string field, IDictionary<string, string[]> errors)
    {
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [$"'{text}' is not a whole number."];
        return null;
    }

    private static Dictionary<string, double>? MvcList(IFormCollection form, string field, IDictionary<string, string[]> errors)
    {
        var text = form[field].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                errors[field] = [$"'{pair}' is not of the form CH1=0.0012."];
                return null;
            }

            values[parts[0]] = value;
        }

        return values;
    }
}
