namespace TherapyPlatform.Signals.Caching;

/// <summary>
/// A least-recently-used cache bounded in bytes: adding an entry first evicts the least recently used ones until it
/// fits, so the bound always holds and a new recording always gets in (an entry larger than the whole bound is not
/// kept). Hand-written because MemoryCache with a size limit refuses a new entry when full and compacts only in the
/// background and only past 1 - CompactionPercentage of the limit, which can leave large recordings never cached.
/// </summary>
internal sealed class SizedLruCache(long capacityBytes, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> index = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new(); // most recently used first
    private long size;

    public long CapacityBytes => capacityBytes;

    public long SizeBytes
    {
        get
        {
            lock (gate)
            {
                return size;
            }
        }
    }

    public bool TryGet(string key, out object? value)
    {
        lock (gate)
        {
            value = null;
            if (!index.TryGetValue(key, out var node))
            {
                return false;
            }

            if (node.Value.ExpiresAt <= time.GetUtcNow())
            {
                Remove(node);
                return false;
            }

            recency.Remove(node);
            recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
    }

    /// <param name="key">The key; an entry already under it is replaced.</param>
    /// <param name="value">The value.</param>
    /// <param name="bytes">What the entry costs against the bound.</param>
    /// <param name="lifetime">How long the entry may be used; null for as long as it is not evicted.</param>
    public void Set(string key, object value, long bytes, TimeSpan? lifetime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        lock (gate)
        {
            if (index.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            if (bytes > capacityBytes)
            {
                return;
            }

            while (size + bytes > capacityBytes)
            {
                Remove(recency.Last!);
            }

            var expiresAt = lifetime is { } span ? time.GetUtcNow() + span : DateTimeOffset.MaxValue;
            index[key] = recency.AddFirst(new Entry(key, value, bytes, expiresAt));
            size += bytes;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        index.Remove(node.Value.Key);
        size -= node.Value.Bytes;
    }

    private sealed record Entry(string Key, object Value, long Bytes, DateTimeOffset ExpiresAt);
}
