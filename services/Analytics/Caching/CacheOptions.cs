using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TherapyPlatform.Analytics.Caching;

/// <summary>The read cache, Redis with a memory layer per replica (section <c>Cache</c>); validated when the service starts.</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";
    public const string RedisConnectionName = "redis";

    /// <summary>How long an entry lives after it was written (hours, at least 1).</summary>
    [Range(1, 24 * 365)]
    public int TtlHours { get; set; } = 24;

    /// <summary>Whether entries are stored compressed (Brotli); either way they are read back.</summary>
    public bool Compression { get; set; } = true;

    /// <summary>
    /// Bound on every Redis call (connect, command), for a Redis that accepts connections but does not answer.
    /// A stopped Redis costs nothing: the client knows it is disconnected and the read skips it at once. Not
    /// lower by default, because on a busy 2-core machine a healthy Redis can take a few hundred ms to answer.
    /// </summary>
    [Range(10, 5_000)]
    public int RedisTimeoutMs { get; set; } = 500;

    /// <summary>
    /// How long a replica keeps an entry it read from Redis in memory (seconds; 0 turns the memory layer off).
    /// Published evictions drop it sooner; the lifetime only bounds what a missed eviction could leave behind.
    /// </summary>
    [Range(0, 24 * 3600)]
    public int LocalTtlSeconds { get; set; } = 60;

    /// <summary>The memory layer's budget per replica (megabytes of JSON); the least recently read entries go first.</summary>
    [Range(1, 64 * 1024)]
    public int LocalSizeMegabytes { get; set; } = 64;

    /// <summary>The key <c>POST /cache/invalidate</c> asks for (header <c>X-Admin-Key</c>); unset refuses every call.</summary>
    [MinLength(16)]
    public string? AdminKey { get; set; }

    public TimeSpan Ttl => TimeSpan.FromHours(TtlHours);
}

/// <summary>The cache cannot work without the Redis connection the AppHost provides.</summary>
public sealed class CacheOptionsValidator(IConfiguration configuration) : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString(CacheOptions.RedisConnectionName))
            ? ValidateOptionsResult.Fail($"ConnectionStrings:{CacheOptions.RedisConnectionName} is not set; the AppHost provides it.")
            : ValidateOptionsResult.Success;
}
