using System.Text.Json;
using System.Text.Json.Serialization;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals;

/// <summary>
/// Source-generated JSON of the API and of the cached session metadata (camelCase, as Analytics writes it). Named
/// floating-point literals are allowed because a float C3D file may hold NaN samples.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SessionMetadata))]
[JsonSerializable(typeof(ChannelListResponse))]
[JsonSerializable(typeof(SeriesResponse))]
internal sealed partial class SignalsJsonContext : JsonSerializerContext;
