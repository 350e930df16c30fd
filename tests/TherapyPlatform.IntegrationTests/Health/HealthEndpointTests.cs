using System.Net;
using System.Text.Json;
using TherapyPlatform.IntegrationTests.Infrastructure;

namespace TherapyPlatform.IntegrationTests.Health;

[Collection(PlatformCollection.Name)]
public sealed class HealthEndpointTests(PlatformFixture platform)
{
    public static TheoryData<string, string[]> ServiceDependencies => new()
    {
        { "ingestion", ["PostgreSql", "masstransit-bus"] },
        { "analytics", ["PostgreSql", "StackExchange.Redis", "masstransit-bus"] },
        { "signals", ["PostgreSql", "StackExchange.Redis", "masstransit-bus"] },
    };

    [Theory]
    [MemberData(nameof(ServiceDependencies))]
    public async Task Health_lists_every_dependency_as_healthy(string service, string[] dependencies)
    {
        await platform.WaitUntilServicesHealthyAsync();
        using var client = platform.CreateClient(service);

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        foreach (var dependency in dependencies)
        {
            Assert.Equal("Healthy", checks.GetValueOrDefault(dependency));
        }
    }

    [Theory]
    [InlineData("ingestion")]
    [InlineData("analytics")]
    [InlineData("signals")]
    public async Task Alive_reports_only_the_process(string service)
    {
        using var client = platform.CreateClient(service);

        using var response = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = body.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(["self"], names);
    }
}
