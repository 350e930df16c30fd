using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TherapyPlatform.Ingestion.Webhooks;

namespace TherapyPlatform.Ingestion.Tests.Webhooks;

/// <summary>The webhook options as the service binds and validates them on start.</summary>
public sealed class WebhookSecurityOptionsTests
{
    [Fact]
    public async Task Without_a_secret_the_service_refuses_to_start_and_says_how_to_fix_it()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(Environments.Production, []));

        Assert.Contains("Webhook:Secret is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhook:AllowUnsigned", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_webhooks_outside_Development_refuse_to_start_even_with_a_secret()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(Environments.Staging, new() { ["Webhook:AllowUnsigned"] = "true", ["Webhook:Secret"] = "s3cret" }));

        Assert.Contains("only allowed in the Development environment, not in 'Staging'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_webhooks_start_in_Development_when_explicitly_allowed()
    {
        var options = await StartAsync(Environments.Development, new() { ["Webhook:AllowUnsigned"] = "true" });

        Assert.False(options.RequiresSignature);
    }

    [Fact]
    public async Task Development_without_a_secret_still_needs_the_explicit_switch()
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(Environments.Development, []));
    }

    [Fact]
    public async Task With_a_secret_signatures_are_required_and_the_replay_window_defaults_to_ten_minutes()
    {
        var options = await StartAsync(Environments.Production, new() { ["Webhook:Secret"] = "s3cret" });

        Assert.True(options.RequiresSignature);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ReplayWindow);
        Assert.Equal(64 * 1024, options.MaxBodyBytes);
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("2.00:00:00")]
    public async Task A_replay_window_out_of_range_refuses_to_start(string window)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(Environments.Production, new() { ["Webhook:Secret"] = "s3cret", ["Webhook:ReplayWindow"] = window }));

        Assert.Contains("ReplayWindow", error.Message, StringComparison.Ordinal);
    }

    private static async Task<WebhookOptions> StartAsync(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStorageWebhooks();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
