using System.Buffers.Binary;
using System.Collections.Concurrent;
using TherapyPlatform.Signals.Caching;

namespace TherapyPlatform.Signals.Tests.Support;

/// <summary>A shared cache in a dictionary, with Redis' semantics; <see cref="Reachable"/> false plays Redis down.</summary>
internal sealed class InMemorySharedCache : ISharedCache
{
    public ConcurrentDictionary<string, byte[]> Entries { get; } = new();

    public bool Reachable { get; set; } = true;

    public int Reads { get; private set; }

    public Task<byte[]?> GetAsync(string entry, string key)
    {
        Reads++;
        return Task.FromResult(Reachable ? Entries.GetValueOrDefault(key) : null);
    }

    public Task SetIfAbsentAsync(string key, byte[] value, TimeSpan ttl)
    {
        if (Reachable)
        {
            Entries.TryAdd(key, value);
        }

        return Task.CompletedTask;
    }

    public Task<bool> ReplaceUnlessNewerAsync(string key, byte[] value, TimeSpan ttl)
    {
        if (!Reachable || (Entries.TryGetValue(key, out var stored)
            && BinaryPrimitives.ReadInt32BigEndian(stored) > BinaryPrimitives.ReadInt32BigEndian(value)))
        {
            return Task.FromResult(false);
        }

        Entries[key] = value;
        return Task.FromResult(true);
    }
}
