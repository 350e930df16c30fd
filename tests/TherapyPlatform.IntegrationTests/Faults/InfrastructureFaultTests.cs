using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>
/// Stops a real server of the running platform and checks that nothing accepted is lost. Tests of one collection run
/// one after another, so no other test sees the server down; each restores it before it ends.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class InfrastructureFaultTests(PlatformFixture platform)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task With_RabbitMQ_stopped_an_upload_is_still_accepted_and_analysed_once_it_is_back()
    {
        using var ingestion = platform.CreateClient("ingestion");
        await StopAsync("rabbitmq");
        HttpResponseMessage response;
        try
        {
            response = await SessionsClient.UploadAsync(ingestion, GhostlyFiles.Create(seed: 801));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var sessionId = await SessionsClient.SessionIdOf(response);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal("Received", (await SessionsClient.GetAsync(ingestion, sessionId)).GetProperty("status").GetString());
        }
        finally
        {
            await StartAsync("rabbitmq");
        }

        var session = await SessionsClient.WaitUntilDoneAsync(ingestion, await SessionsClient.SessionIdOf(response));
        Assert.Equal("Analyzed", session.GetProperty("status").GetString());
        Assert.Single(SessionsClient.EventNames(session), e => e == "SessionAnalyzed");
        response.Dispose();
    }

    [Fact]
    public async Task With_PostgreSQL_stopped_uploads_and_webhooks_get_503_never_202_and_succeed_once_it_is_back()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 802);
        await StopAsync("postgres");
        try
        {
            using var refused = await SessionsClient.UploadAsync(ingestion, content);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter is not null);
        }
        finally
        {
            await StartAsync("postgres");
        }

        // Pools drop their broken connections on first use; the client retries as the Retry-After asks.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        HttpResponseMessage accepted;
        while ((accepted = await SessionsClient.UploadAsync(ingestion, content)).StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            accepted.Dispose();
            await Task.Delay(500, timeout.Token);
        }

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var session = await SessionsClient.WaitUntilDoneAsync(ingestion, await SessionsClient.SessionIdOf(accepted));
        Assert.Equal("Analyzed", session.GetProperty("status").GetString());
        accepted.Dispose();
    }

    private async Task StopAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(result.Success, result.Message);
        await platform.App.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.Finished, timeout.Token);
    }

    private async Task StartAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(result.Success, result.Message);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        await platform.WaitUntilServicesHealthyAsync();
    }
}
