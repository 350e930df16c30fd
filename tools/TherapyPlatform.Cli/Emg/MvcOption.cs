using System.CommandLine.Parsing;
using System.Globalization;

namespace TherapyPlatform.Cli.Emg;

/// <summary>
/// The value of <c>--mvc</c>: per-muscle values <c>CH1=0.00021,CH2=0.00034</c>, or one value for every
/// muscle (<c>--mvc 0.0003</c>); volts.
/// </summary>
public sealed record MvcOption(IReadOnlyDictionary<string, double> ByChannel, double? Session)
{
    public static MvcOption? Parse(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byChannel = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        double? session = null;
        foreach (var item in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (!double.TryParse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
            {
                result.AddError($"--mvc: '{item}' is not a positive number of volts (CH1=0.0002,CH2=0.0003 or a single value)");
                return null;
            }

            if (parts.Length == 1)
            {
                session = value;
            }
            else if (parts[0].Length == 0)
            {
                result.AddError($"--mvc: '{item}' has no muscle name before '='");
                return null;
            }
            else
            {
                byChannel[parts[0]] = value;
            }
        }

        return new MvcOption(byChannel, session);
    }
}
