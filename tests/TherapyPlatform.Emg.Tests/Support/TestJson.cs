using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TherapyPlatform.Emg.Analysis;

namespace TherapyPlatform.Emg.Tests.Support;

/// <summary>The library's JSON contract, extended with reflection so tests can also serialise ad-hoc shapes.</summary>
public static class TestJson
{
    public static JsonSerializerOptions Options { get; } = new(EmgJson.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(EmgJson.Options.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
    };

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
