namespace TherapyPlatform.Signals.Caching;

/// <summary>
/// The cache shared by every replica (Redis). Never fails a request: when it cannot be reached, reads are misses and
/// writes are skipped, and the service answers from memory or the file store.
/// </summary>
internal interface ISharedCache
{
    /// <summary>The value under <paramref name="key"/>, or null on a miss or when the cache cannot be reached.</summary>
    /// <param name="entry">What is looked up (metadata, overview), for traces and metrics.</param>
    /// <param name="key">The key.</param>
    Task<byte[]?> GetAsync(string entry, string key);

    /// <summary>Stores the value unless the key already has one (a writer that knows better may have set it).</summary>
    Task SetIfAbsentAsync(string key, byte[] value, TimeSpan ttl);

    /// <summary>
    /// Stores a value whose first four bytes are its version (big-endian int32) unless the stored one has a higher
    /// version, so a late redelivery of an older request never replaces a newer one. True when written.
    /// </summary>
    Task<bool> ReplaceUnlessNewerAsync(string key, byte[] value, TimeSpan ttl);
}
