using Microsoft.Extensions.Options;
using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Overviews;

/// <summary>
/// Overview series (whole session, default point count) in Redis under <see cref="CacheKeys.Overview"/>, with the
/// configured TTL; a series of a later analysis request replaces an earlier one, never the reverse.
/// </summary>
internal sealed class OverviewStore(ISharedCache shared, IOptions<SignalsOptions> options)
{
    public const string Entry = "overview";

    /// <summary>The stored overview, if it is one of this recording (same rate and length).</summary>
    public async Task<SignalSeries?> GetAsync(SessionMetadata metadata, ResolvedChannel channel)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var bytes = await shared.GetAsync(Entry, Key(metadata.SessionId, channel));
        return bytes is not null
            && OverviewCodec.TryDecode(bytes, out _, out var series)
            && series!.TotalSamples == metadata.SamplesPerChannel
            && series.SamplingRate.Equals(metadata.AnalogRate)
                ? series
                : null;
    }

    public Task<bool> SaveAsync(Guid sessionId, ResolvedChannel channel, SignalSeries series, int requestNumber) =>
        shared.ReplaceUnlessNewerAsync(Key(sessionId, channel), OverviewCodec.Encode(series, requestNumber), options.Value.RedisTtl);

    private static string Key(Guid sessionId, ResolvedChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return CacheKeys.Overview(sessionId, channel.Source.Name, channel.Kind.Name());
    }
}
