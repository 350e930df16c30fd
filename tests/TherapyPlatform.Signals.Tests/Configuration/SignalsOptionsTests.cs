using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TherapyPlatform.Signals.Configuration;

namespace TherapyPlatform.Signals.Tests.Configuration;

public sealed class SignalsOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = Resolve([]);

        Assert.Equal((256, 2000, TimeSpan.FromHours(24)), (options.MemoryCacheMegabytes, options.DefaultMaxPoints, options.RedisTtl));
        Assert.Equal(1, options.ConcurrentPrecomputations);
    }

    [Fact]
    public void The_cache_size_and_ttl_come_from_configuration()
    {
        var options = Resolve(new() { ["Signals:MemoryCacheMegabytes"] = "64", ["Signals:RedisTtl"] = "02:00:00" });

        Assert.Equal(64L * 1024 * 1024, options.MemoryCacheBytes);
        Assert.Equal(TimeSpan.FromHours(2), options.RedisTtl);
    }

    [Theory]
    [InlineData("Signals:MemoryCacheMegabytes", "0", "MemoryCacheMegabytes")]
    [InlineData("Signals:RedisTtl", "00:00:00", "RedisTtl")]
    [InlineData("Signals:DefaultMaxPoints", "1", "DefaultMaxPoints")]
    [InlineData("Signals:MaxPointsLimit", "1000", "must not exceed MaxPointsLimit")]
    [InlineData("Signals:ConcurrentPrecomputations", "0", "ConcurrentPrecomputations")]
    public void Invalid_settings_are_refused_naming_the_setting(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static SignalsOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddOptions<SignalsOptions>().BindConfiguration(SignalsOptions.SectionName).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SignalsOptions>>().Value;
    }
}
