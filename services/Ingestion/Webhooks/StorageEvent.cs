using System.Text.Json.Serialization;

namespace TherapyPlatform.Ingestion.Webhooks;

/// <summary>The database webhook Supabase sends for a change of <c>storage.objects</c>.</summary>
public sealed record StorageEvent(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("table")] string? Table,
    [property: JsonPropertyName("schema")] string? Schema,
    [property: JsonPropertyName("record")] StorageObject? Record);

/// <param name="Name">The object's path in its bucket.</param>
/// <param name="BucketId">The bucket.</param>
/// <param name="CreatedAt">When storage created the row (ISO-8601 timestamptz): dates the delivery against replays.</param>
/// <param name="Metadata">Size and type as storage recorded them (informative only: the content is checked itself).</param>
public sealed record StorageObject(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("bucket_id")] string? BucketId,
    [property: JsonPropertyName("created_at")] string? CreatedAt,
    [property: JsonPropertyName("metadata")] StorageObjectMetadata? Metadata);

public sealed record StorageObjectMetadata(
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("mimetype")] string? MimeType);

/// <summary>The answer to a storage event that is not a new session file.</summary>
public sealed record IgnoredStorageEvent(bool Ignored, string Reason);
