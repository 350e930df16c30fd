using System.Text.Json;

namespace TherapyPlatform.IntegrationTests.Analytics;

/// <summary>
/// The served per-channel metrics against the reference's golden report: every number the golden channel gives
/// at its top level and in its temporal statistics (relative 1e-6, as the EMG library's own golden tests), and
/// the contraction counts.
/// </summary>
public static class GoldenValues
{
    private const double RelativeTolerance = 1e-6;

    public static void AssertChannelsMatch(JsonElement golden, JsonElement served)
    {
        Assert.Equal(golden.EnumerateObject().Select(c => c.Name), served.EnumerateObject().Select(c => c.Name));
        var compared = 0;
        foreach (var channel in golden.EnumerateObject())
        {
            var ours = served.GetProperty(channel.Name);
            foreach (var (path, expected) in Numbers(channel.Value, channel.Name))
            {
                var actual = Find(ours, path.Split('.')[1..]);
                Assert.True(actual is { ValueKind: JsonValueKind.Number }, $"{path}: missing");
                var value = actual.Value.GetDouble();
                Assert.True(
                    expected == value || Math.Abs(value - expected) <= RelativeTolerance * Math.Abs(expected),
                    $"{path}: expected {expected:R}, got {value:R}");
                compared++;
            }
        }

        Assert.True(compared > 20, $"only {compared} golden values compared");
    }

    private static IEnumerable<(string Path, double Value)> Numbers(JsonElement channel, string name)
    {
        foreach (var property in channel.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                yield return ($"{name}.{property.Name}", property.Value.GetDouble());
            }
            else if (property.Name == "temporal" && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var metric in property.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object))
                {
                    foreach (var stat in metric.Value.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.Number))
                    {
                        yield return ($"{name}.temporal.{metric.Name}.{stat.Name}", stat.Value.GetDouble());
                    }
                }
            }
        }
    }

    private static JsonElement? Find(JsonElement element, IEnumerable<string> path)
    {
        foreach (var segment in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return null;
            }
        }

        return element;
    }
}
