using System.Text.Json.Nodes;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.C3d.Tests.Conformance;

/// <summary>
/// <c>shared/c3d/expected.json</c>: what an independent reader found in every shared file. Its entry for the
/// unfinalised GHOSTLY file records 0 frames (that reader could not recover it) and carries the recoverable
/// figures in a "recoverable" object, which is what a reader that derives frames from the length must find.
/// </summary>
public static class ExpectedC3d
{
    public const double Relative = 1e-9;
    public const double RecoveredSumRelative = 1e-7;

    private static readonly Lazy<JsonObject> Entries = new(() =>
        JsonNode.Parse(File.ReadAllText(SharedData.PathOf("c3d", "expected.json")))!.AsObject());

    public static IEnumerable<object[]> FileNames() =>
        SharedData.IsAvailable ? Entries.Value.Select(entry => new object[] { entry.Key }) : [];

    public static JsonObject Entry(string name) => Entries.Value[name]!.AsObject();

    public static string PathOf(string name)
    {
        var generic = SharedData.PathOf("c3d", "generic", name);
        return File.Exists(generic) ? generic : SharedData.PathOf("c3d", "ghostly", name);
    }

    /// <summary>Relative agreement, with a floor far below any magnitude in the files for exact zeros.</summary>
    public static void AssertClose(double expected, double actual, string what, double relative = Relative)
    {
        var tolerance = relative * Math.Abs(expected) + 1e-15;
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void AssertClose(JsonNode? expected, JsonNode? actual, string what)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{what}: expected null, got {actual?.ToJsonString()}");
            return;
        }

        Assert.True(actual is not null, $"{what}: expected {expected.ToJsonString()}, got null");
        AssertClose(expected.GetValue<double>(), actual.GetValue<double>(), what);
    }

    /// <summary>Compares a <c>c3d inspect --json</c> object with an expected entry: same keys, same values.</summary>
    public static void AssertMatches(JsonObject expected, JsonObject actual, string file)
    {
        var recoverable = expected["recoverable"]?.AsObject();
        var keys = expected.Select(p => p.Key).Where(k => k is not ("note" or "recoverable")).ToArray();
        Assert.Equal(keys, actual.Select(p => p.Key).ToArray());

        Assert.Equal(expected["size"]!.GetValue<long>(), actual["size"]!.GetValue<long>());
        Assert.Equal(expected["processor"]!.GetValue<string>(), actual["processor"]!.GetValue<string>());
        Assert.Equal(expected["float"]!.GetValue<bool>(), actual["float"]!.GetValue<bool>());
        Assert.Equal(expected["unsigned_analog"]!.GetValue<bool>(), actual["unsigned_analog"]!.GetValue<bool>());
        Assert.Equal(expected["points"]!.GetValue<int>(), actual["points"]!.GetValue<int>());
        AssertClose(expected["point_rate"], actual["point_rate"], $"{file} point_rate");
        AssertClose(expected["analog_rate"], actual["analog_rate"], $"{file} analog_rate");
        Assert.Equal((recoverable ?? expected)["frames"]!.GetValue<int>(), actual["frames"]!.GetValue<int>());
        Assert.Equal(Strings(expected["groups"]), Strings(actual["groups"]));

        var expectedChannels = expected["analog"]!.AsArray();
        var actualChannels = actual["analog"]!.AsArray();
        Assert.Equal(expectedChannels.Count, actualChannels.Count);
        for (var c = 0; c < expectedChannels.Count; c++)
        {
            var e = expectedChannels[c]!.AsObject();
            var a = actualChannels[c]!.AsObject();
            var what = $"{file} channel {c}";
            Assert.Equal(e.Select(p => p.Key), a.Select(p => p.Key));
            Assert.Equal(e["label"]?.GetValue<string>(), a["label"]?.GetValue<string>());
            if (recoverable is not null)
            {
                AssertRecovered(recoverable, a, c, what);
                continue;
            }

            Assert.Equal(e["n"]!.GetValue<int>(), a["n"]!.GetValue<int>());
            foreach (var key in new[] { "sum", "sum_abs", "min", "max" })
            {
                AssertClose(e[key], a[key], $"{what} {key}");
            }

            var first = e["first"]!.AsArray();
            Assert.Equal(first.Count, a["first"]!.AsArray().Count);
            for (var i = 0; i < first.Count; i++)
            {
                AssertClose(first[i], a["first"]![i], $"{what} first[{i}]");
            }
        }
    }

    private static void AssertRecovered(JsonObject recoverable, JsonObject actual, int channel, string what)
    {
        Assert.Equal(recoverable["samples_per_channel"]!.GetValue<int>(), actual["n"]!.GetValue<int>());
        if (channel == 0)
        {
            AssertClose(recoverable["ch0_sum"]!.GetValue<double>(), actual["sum"]!.GetValue<double>(), what,
                RecoveredSumRelative);
        }
    }

    private static string?[] Strings(JsonNode? array) =>
        array!.AsArray().Select(n => n?.GetValue<string>()).ToArray();
}
