using System.Text.Json;
using System.Text.Json.Serialization;

namespace TherapyPlatform.Emg.Analysis;

/// <summary>
/// JSON of the analytics results with the reference report's snake_case key names
/// (e.g. fatigue_index_fi_nsm5, mvc75_threshold); source-generated, so it works trimmed and AOT.
/// </summary>
public static class EmgJson
{
    public static JsonSerializerOptions Options => EmgJsonContext.Default.Options;

    public static string Serialize(SessionAnalysis analysis) =>
        JsonSerializer.Serialize(analysis, EmgJsonContext.Default.SessionAnalysis);

    public static string Serialize(ChannelAnalysis channel) =>
        JsonSerializer.Serialize(channel, EmgJsonContext.Default.ChannelAnalysis);

    public static SessionAnalysis? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EmgJsonContext.Default.SessionAnalysis);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SessionAnalysis))]
internal sealed partial class EmgJsonContext : JsonSerializerContext;
