using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using TherapyPlatform.Analytics.Caching;

namespace TherapyPlatform.Analytics.Tests.Caching;

public sealed class CacheOptionsTests
{
    [Fact]
    public void Defaults_are_a_day_compressed_and_valid()
    {
        var options = new CacheOptions();

        Assert.Equal(TimeSpan.FromHours(24), options.Ttl);
        Assert.True(options.Compression);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData(0, 250, null)]
    [InlineData(24, 0, null)]
    [InlineData(24, 250, "short")]
    public void A_ttl_below_an_hour_a_zero_timeout_or_a_short_admin_key_are_refused(int ttlHours, int timeoutMs, string? adminKey)
    {
        var options = new CacheOptions { TtlHours = ttlHours, RedisTimeoutMs = timeoutMs, AdminKey = adminKey };

        Assert.Single(Validate(options));
    }

    [Theory]
    [InlineData(-1, 64)]
    [InlineData(60, 0)]
    public void A_negative_memory_lifetime_or_no_memory_budget_are_refused(int localTtlSeconds, int localSizeMegabytes)
    {
        var options = new CacheOptions { LocalTtlSeconds = localTtlSeconds, LocalSizeMegabytes = localSizeMegabytes };

        Assert.Single(Validate(options));
    }

    [Fact]
    public void The_redis_connection_is_required()
    {
        var without = new ConfigurationBuilder().Build();
        var with = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:redis", "localhost:6379")]).Build();

        Assert.True(new CacheOptionsValidator(without).Validate(null, new CacheOptions()).Failed);
        Assert.True(new CacheOptionsValidator(with).Validate(null, new CacheOptions()).Succeeded);
    }

    private static List<ValidationResult> Validate(CacheOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
