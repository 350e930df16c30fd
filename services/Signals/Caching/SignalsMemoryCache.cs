using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Telemetry;

namespace TherapyPlatform.Signals.Caching;

/// <summary>What a cache read gave and whether it was already there.</summary>
internal readonly record struct Cached<T>(T? Value, bool Hit);

/// <summary>
/// The service's own bounded memory cache (decoded recordings, envelopes, session metadata), sized in bytes from
/// <see cref="SignalsOptions.MemoryCacheMegabytes"/>; least recently used entries go first when it is full. Every
/// lookup is a traced <see cref="CacheLookup"/>. Loads are shared: ten concurrent requests for a cold file read and
/// decode it once.
/// </summary>
internal sealed class SignalsMemoryCache
{
    private readonly SizedLruCache cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> loads = new(StringComparer.Ordinal);

    public SignalsMemoryCache(IOptions<SignalsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        cache = new SizedLruCache(options.Value.MemoryCacheBytes, time);
        SignalsTelemetry.Meter.CreateObservableGauge(
            "signals.memory_cache.size", () => EstimatedBytes, "By", "Bytes held by the decoded-channel cache.");
    }

    /// <summary>Bytes held now (the sizes entries were stored with).</summary>
    public long EstimatedBytes => cache.SizeBytes;

    public long CapacityBytes => cache.CapacityBytes;

    /// <summary>
    /// The entry under <paramref name="key"/>, else what <paramref name="load"/> gives (stored with the size
    /// <paramref name="sizeOf"/> tells; null is returned but not stored). The load is not cancelled when one waiting
    /// caller gives up, since others may share it.
    /// </summary>
    public async Task<Cached<T>> GetOrLoadAsync<T>(
        string entry, string key, Func<Task<T?>> load, Func<T, long> sizeOf, TimeSpan? lifetime, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        using (var lookup = CacheLookup.Start(CacheLayers.Memory, entry, key))
        {
            if (cache.TryGet(key, out var found) && found is T value)
            {
                lookup.Hit();
                return new Cached<T>(value, true);
            }

            lookup.Miss();
        }

        var shared = loads.GetOrAdd(key, _ => new Lazy<Task<object?>>(() => LoadAsync(key, load, sizeOf, lifetime)));
        try
        {
            return new Cached<T>((T?)await shared.Value.WaitAsync(cancellationToken), false);
        }
        finally
        {
            loads.TryRemove(KeyValuePair.Create(key, shared));
        }
    }

    public void Set<T>(string key, T value, long size, TimeSpan? lifetime) where T : class =>
        cache.Set(key, value, size, lifetime);

    private async Task<object?> LoadAsync<T>(string key, Func<Task<T?>> load, Func<T, long> sizeOf, TimeSpan? lifetime)
        where T : class
    {
        var value = await load();
        if (value is not null)
        {
            Set(key, value, sizeOf(value), lifetime);
        }

        return value;
    }
}
