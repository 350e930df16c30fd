using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Metadata;

namespace TherapyPlatform.Analytics.ReadModel;

/// <summary>What the cache stores for a session: the served analytics document and the metadata for Signals.</summary>
public sealed record AnalyticsEntry(RenderedAnalytics Analytics, SessionMetadata Metadata)
{
    public static AnalyticsEntry From(Session session, SessionAnalyticsView view)
    {
        var facts = view.Analysis.FileFacts;
        var metadata = SessionMetadataBuilder.Build(
            session.Id, session.FileHash, view.RequestNumber, facts.AnalogRate, facts.SamplesPerChannel, facts.ChannelLabels);
        return new AnalyticsEntry(RenderedAnalytics.Render(session, view, metadata), metadata);
    }
}

/// <summary>The analytics document of a session as served: its JSON bytes, their entity tag, and whose they are.</summary>
/// <param name="PatientCode">Kept beside the body so a cache hit can be authorised without parsing it.</param>
public sealed record RenderedAnalytics(Guid SessionId, int RequestNumber, string ETag, byte[] Json, string? PatientCode)
{
    /// <summary>
    /// The body of <c>GET /api/sessions/{id}/analytics</c>: camelCase session fields and metadata, and under
    /// <c>analysis</c> the EMG library's report with its snake_case names (the names of the golden values).
    /// The same inputs always give the same bytes, so the cache, the read model and a bypass answer alike and
    /// the entity tag (request number and content hash) holds across replicas and refills.
    /// </summary>
    public static RenderedAnalytics Render(Session session, SessionAnalyticsView view, SessionMetadata metadata)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("sessionId", session.Id);
            writer.WriteNumber("requestNumber", view.RequestNumber);
            writer.WriteString("fileHash", session.FileHash);
            writer.WriteString("fileName", session.FileName);
            writer.WriteString("patientCode", session.PatientCode);
            writer.WriteString("analyzedAt", view.AnalyzedAt);
            writer.WritePropertyName("metadata");
            JsonSerializer.Serialize(writer, metadata, AnalyticsJsonContext.Default.SessionMetadata);
            writer.WritePropertyName("analysis");
            JsonSerializer.Serialize(writer, view.Analysis, AnalysisTypeInfo);
            writer.WriteEndObject();
        }

        var json = buffer.WrittenSpan.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 8));
        return new RenderedAnalytics(session.Id, view.RequestNumber, $"\"{view.RequestNumber}-{hash}\"", json, session.PatientCode);
    }

    private static readonly JsonTypeInfo<SessionAnalysis> AnalysisTypeInfo =
        (JsonTypeInfo<SessionAnalysis>)EmgJson.Options.GetTypeInfo(typeof(SessionAnalysis));
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionMetadata))]
internal sealed partial class AnalyticsJsonContext : JsonSerializerContext;
