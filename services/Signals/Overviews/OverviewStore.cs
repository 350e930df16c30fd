using Microsoft.Extensions.Options;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Overviews;

/// <summary>
/// Overview series (whole session, default point count): in Redis under <see cref="CacheKeys.Overview"/> with the
/// configured TTL, where every replica and restart finds them, and in front of that in the memory cache, so a
/// dashboard's repeated overview costs no Redis round trip. In Redis a series of a later analysis request replaces
/// an earlier one, never the reverse; in memory the series of one file never changes (a session is its file).
/// </summary>
internal sealed class OverviewStore(SignalsMemoryCache memory, ISharedCache shared, IOptions<SignalsOptions> options)
{
    public const string Entry = "overview";

    /// <summary>The stored overview and the layer it came from, or null; only one of this recording (same rate and length).</summary>
    public async Task<(SignalSeries? Series, string? Layer)> GetAsync(SessionMetadata metadata, ResolvedChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var key = Key(metadata.SessionId, channel);
        var found = await memory.GetOrLoadAsync(Entry, key, () => FromRedisAsync(key, metadata), SizeOf, null, cancellationToken);
        return (found.Value, found.Value is null ? null : found.Hit ? CacheLayers.Memory : CacheLayers.Redis);
    }

    /// <summary>Stores the overview in memory and, unless a later request's is there, in Redis; true when Redis took it.</summary>
    public Task<bool> SaveAsync(Guid sessionId, ResolvedChannel channel, SignalSeries series, int requestNumber)
    {
        ArgumentNullException.ThrowIfNull(series);
        var key = Key(sessionId, channel);
        memory.Set(key, series, SizeOf(series), null);
        return shared.ReplaceUnlessNewerAsync(key, OverviewCodec.Encode(series, requestNumber), options.Value.RedisTtl);
    }

    private async Task<SignalSeries?> FromRedisAsync(string key, SessionMetadata metadata)
    {
        var bytes = await shared.GetAsync(Entry, key);
        return bytes is not null
            && OverviewCodec.TryDecode(bytes, out _, out var series)
            && series!.TotalSamples == metadata.SamplesPerChannel
            && series.SamplingRate.Equals(metadata.AnalogRate)
                ? series
                : null;
    }

    private static long SizeOf(SignalSeries series) => (long)series.PointCount * (sizeof(int) + sizeof(double));

    private static string Key(Guid sessionId, ResolvedChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return CacheKeys.Overview(sessionId, channel.Source.Name, channel.Kind.Name());
    }
}
