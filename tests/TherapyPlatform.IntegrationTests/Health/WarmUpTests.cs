using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TherapyPlatform.IntegrationTests.Faults;
using TherapyPlatform.IntegrationTests.Infrastructure;

namespace TherapyPlatform.IntegrationTests.Health;

/// <summary>
/// Each service warms its code paths up at start, before it listens (so before the AppHost calls it healthy), and
/// the warm-ups leave nothing in the platform's data.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WarmUpTests(PlatformFixture platform)
{
    private const string Listening = "Now listening on:";

    public static TheoryData<string, string[]> WarmUps => new()
    {
        { "ingestion", ["TokenValidationWarmUp", "IntakeWarmUp"] },
        { "analytics", ["TokenValidationWarmUp", "AnalysisWarmUp"] },
        { "signals", ["TokenValidationWarmUp", "OverviewWarmUp"] },
    };

    [Theory]
    [MemberData(nameof(WarmUps))]
    public async Task Every_instance_warms_up_before_it_listens(string service, string[] warmUps)
    {
        var instances = (await new PlatformFaults(platform).InstancesAsync(service)).Select(instance => instance.Id).ToList();
        Assert.NotEmpty(instances);
        var logs = platform.App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var instance in instances)
        {
            var lines = new List<string>();
            await foreach (var batch in logs.GetAllAsync(instance))
            {
                lines.AddRange(batch.Select(line => line.Content));
            }

            var listening = lines.FindIndex(line => line.Contains(Listening, StringComparison.Ordinal));
            Assert.True(listening >= 0, $"{instance} never logged '{Listening}'");
            foreach (var warmUp in warmUps)
            {
                var done = lines.FindIndex(line => line.Contains($"Warm-up {warmUp} done", StringComparison.Ordinal));
                Assert.True(done >= 0 && done < listening, $"{instance}: '{warmUp}' did not finish before the service listened");
            }

            Assert.DoesNotContain(lines, line => line.Contains("Warm-up", StringComparison.Ordinal) && line.Contains("failed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Warm_ups_store_no_session()
    {
        await using var database = NpgsqlDataSource.Create((await platform.App.GetConnectionStringAsync("postgres"))!);
        await using var command = database.CreateCommand("SELECT count(*) FROM mt_events WHERE data ->> 'fileName' = 'warm-up.c3d'");

        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
