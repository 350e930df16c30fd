namespace TherapyPlatform.Contracts.Caching;

/// <summary>
/// The Redis key scheme shared by the services. Everything of a session lives under <c>therapy:session:{id}:</c>,
/// so one session's entries can be found and dropped together.
/// </summary>
public static class CacheKeys
{
    public const string Prefix = "therapy:";

    /// <summary>The session's analytics document (per-channel metrics, contractions, scores, metadata).</summary>
    public static string Analytics(Guid sessionId) => $"{Prefix}session:{sessionId:D}:analytics";

    /// <summary>The <see cref="SessionMetadata"/> that Signals needs to list and slice channels.</summary>
    public static string Metadata(Guid sessionId) => $"{Prefix}session:{sessionId:D}:metadata";

    /// <summary>
    /// Pub/sub channel: whoever changes or drops a session's analytics entry publishes the session id (<c>D</c>
    /// format), or <c>*</c> for every session, so the replicas' memory layers drop their copies. A replica also
    /// sends itself <c>probe:{token}</c> to learn that its subscription is live; the others ignore it.
    /// </summary>
    public const string AnalyticsEvictions = Prefix + "cache:analytics:evictions";

    /// <summary>A precomputed overview series (whole session, default point count) of one channel and kind.</summary>
    public static string Overview(Guid sessionId, string channel, string kind) =>
        $"{Prefix}session:{sessionId:D}:overview:{kind}:{channel.ToUpperInvariant()}";
}
