using System.Text.Json;
using Microsoft.Extensions.Options;
using TherapyPlatform.C3d;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Recordings;
using TherapyPlatform.Sessions.Metadata;

namespace TherapyPlatform.Signals.Metadata;

/// <summary>
/// A session's <see cref="SessionMetadata"/>: from memory, else from Redis (Analytics writes it after each analysis),
/// else rebuilt from the stored file (whose decoded channels then stay in memory for the series that follow) and
/// written to Redis unless Analytics got there first. No file is analysed to list channels.
/// </summary>
internal sealed partial class SessionMetadataStore(
    SignalsMemoryCache memory,
    ISharedCache shared,
    ISessionFileLookup sessions,
    RecordingCache recordings,
    IOptions<SignalsOptions> options,
    ILogger<SessionMetadataStore> logger)
{
    public const string Entry = "metadata";

    /// <summary>Charged per entry: a few labels and numbers.</summary>
    private const long EntrySize = 1024;

    public async Task<Outcome<SessionMetadata>> GetAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await memory.GetOrLoadAsync(
                Entry, MemoryKey(sessionId), () => LoadAsync(sessionId), _ => EntrySize, options.Value.MetadataMemoryLifetime, cancellationToken);
            return metadata.Value is null
                ? new Outcome<SessionMetadata>(null, SignalsProblem.UnknownSession(sessionId))
                : new Outcome<SessionMetadata>(metadata.Value, null);
        }
        catch (C3dFormatException e)
        {
            return new Outcome<SessionMetadata>(null, SignalsProblem.UnreadableFile(e.Message));
        }
    }

    /// <summary>Keeps metadata learnt from an analysis message, so the next request needs no lookup.</summary>
    public void Remember(SessionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        memory.Set(MemoryKey(metadata.SessionId), metadata, EntrySize, options.Value.MetadataMemoryLifetime);
    }

    private static string MemoryKey(Guid sessionId) => $"{Entry}:{sessionId:D}";

    private async Task<SessionMetadata?> LoadAsync(Guid sessionId)
    {
        var key = CacheKeys.Metadata(sessionId);
        if (await shared.GetAsync(Entry, key) is { } json)
        {
            if (TryParse(json) is { Channels: not null, FileHash: not null } cached && cached.SessionId == sessionId)
            {
                return cached;
            }

            LogUnreadableCachedMetadata(logger, key);
        }

        var session = await sessions.FindAsync(sessionId, CancellationToken.None);
        if (session is null)
        {
            return null;
        }

        var recording = (await recordings.GetAsync(session.FileHash, CancellationToken.None)).Value;
        if (recording is null)
        {
            LogMissingFile(logger, sessionId, session.FileHash);
            return null;
        }

        var metadata = SessionMetadataBuilder.Build(
            sessionId, session.FileHash, session.RequestNumber, recording.AnalogRate, recording.SamplesPerChannel, recording.Labels);
        await shared.SetIfAbsentAsync(key, JsonSerializer.SerializeToUtf8Bytes(metadata, SignalsJsonContext.Default.SessionMetadata), options.Value.RedisTtl);
        LogRebuilt(logger, sessionId, metadata.Channels.Count);
        return metadata;
    }

    private static SessionMetadata? TryParse(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, SignalsJsonContext.Default.SessionMetadata);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cached metadata under {Key} is not SessionMetadata JSON; rebuilding it from the file")]
    private static partial void LogUnreadableCachedMetadata(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} names file {FileHash}, which the file store does not hold")]
    private static partial void LogMissingFile(ILogger logger, Guid sessionId, string fileHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt metadata of session {SessionId} from its file ({Channels} channels)")]
    private static partial void LogRebuilt(ILogger logger, Guid sessionId, int channels);
}
