using System.Globalization;
using System.Text.Json;

namespace TherapyPlatform.Emg.Tests.Support;

/// <summary>
/// Compares an expected (golden) JSON tree with ours: every key of the expected object must exist and
/// match; integers (indices, counts) exactly, other numbers to relative 1e-6 (absolute 1e-12 when the
/// golden value is 0), strings, booleans and nulls exactly, arrays element by element.
/// </summary>
public static class JsonGolden
{
    public const double RelativeTolerance = 1e-6;
    public const double AbsoluteToleranceAtZero = 1e-12;

    public static void AssertMatches(JsonElement expected, JsonElement actual, string path, IReadOnlyCollection<string>? skipKeys = null)
    {
        var failures = new List<string>();
        Compare(expected, actual, path, skipKeys ?? [], failures);
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches:\n" + string.Join("\n", failures.Take(40)));
    }

    public static bool NumbersMatch(double expected, double actual) =>
        expected == actual
        || (expected == 0
            ? Math.Abs(actual) <= AbsoluteToleranceAtZero
            : Math.Abs(actual - expected) <= RelativeTolerance * Math.Abs(expected));

    private static void Compare(JsonElement expected, JsonElement actual, string path, IReadOnlyCollection<string> skip, List<string> failures)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                {
                    failures.Add($"{path}: expected an object, got {actual.ValueKind}");
                    return;
                }

                foreach (var property in expected.EnumerateObject().Where(p => !skip.Contains(p.Name)))
                {
                    if (actual.TryGetProperty(property.Name, out var value))
                    {
                        Compare(property.Value, value, $"{path}.{property.Name}", skip, failures);
                    }
                    else
                    {
                        failures.Add($"{path}.{property.Name}: missing");
                    }
                }

                return;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.GetArrayLength())
                {
                    failures.Add($"{path}: expected {expected.GetArrayLength()} elements, got {Describe(actual)}");
                    return;
                }

                var index = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    Compare(e, a, $"{path}[{index++}]", skip, failures);
                }

                return;
            case JsonValueKind.Number:
                CompareNumber(expected, actual, path, failures);
                return;
            default:
                if (expected.ValueKind != actual.ValueKind || expected.ToString() != actual.ToString())
                {
                    failures.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
                }

                return;
        }
    }

    private static void CompareNumber(JsonElement expected, JsonElement actual, string path, List<string> failures)
    {
        if (actual.ValueKind != JsonValueKind.Number)
        {
            failures.Add($"{path}: expected {expected.GetRawText()}, got {Describe(actual)}");
            return;
        }

        var isInteger = !expected.GetRawText().Any(c => c is '.' or 'e' or 'E');
        var e = expected.GetDouble();
        var a = actual.GetDouble();
        if (isInteger ? e != a : !NumbersMatch(e, a))
        {
            var relative = e == 0 ? double.NaN : Math.Abs(a - e) / Math.Abs(e);
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: expected {e:R}, got {a:R} (relative {relative:E2})"));
        }
    }

    private static string Describe(JsonElement element) =>
        element.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? element.ValueKind.ToString() : element.GetRawText();
}
