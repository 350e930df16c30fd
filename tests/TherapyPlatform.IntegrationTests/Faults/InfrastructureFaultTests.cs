using System.Net;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.Sessions;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>
/// Stops a real server of the running platform and checks that nothing accepted is lost. Tests of one collection run
/// one after another, so no other test sees the server down; each restores it before it ends.
/// </summary>
[Collection(FaultPlatformCollection.Name)]
public sealed class InfrastructureFaultTests(PlatformFixture platform)
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    private readonly PlatformFaults faults = new(platform);

    [Fact]
    public async Task With_RabbitMQ_stopped_an_upload_is_still_accepted_and_analysed_once_it_is_back()
    {
        using var ingestion = platform.CreateClient("ingestion");
        await faults.StopAsync("rabbitmq");
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
            await faults.StartAsync("rabbitmq");
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
        var uploaded = GhostlyFiles.Create(seed: 802);
        var announced = GhostlyFiles.Create(seed: 803);
        const string objectName = "P813/Ghostly_Emg_fault_803.c3d";
        platform.Storage.Put(PlatformFixture.Bucket, objectName, announced);
        var delivery = StorageWebhooks.Body(objectName);
        await faults.StopAsync("postgres");
        try
        {
            using var refusedUpload = await SessionsClient.UploadAsync(ingestion, uploaded);
            using var refusedDelivery = await StorageWebhooks.SendAsync(ingestion, delivery);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedUpload.StatusCode);
            Assert.True(refusedUpload.Headers.RetryAfter is not null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedDelivery.StatusCode);
            Assert.True(refusedDelivery.Headers.RetryAfter is not null);
        }
        finally
        {
            await faults.StartAsync("postgres");
        }

        // Nothing of either was stored while the database was down.
        foreach (var content in new[] { uploaded, announced })
        {
            using var lookup = await UntilAvailableAsync(() => ingestion.GetAsync($"/api/sessions/{SessionIdentity.FromHash(SessionIdentity.HashOf(content))}"));
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        }

        // The clients send the same requests again, as Retry-After asks: the refused delivery was not remembered, so
        // its byte-identical retry is no replay.
        using var accepted = await UntilAvailableAsync(() => SessionsClient.UploadAsync(ingestion, uploaded));
        using var acceptedDelivery = await UntilAvailableAsync(() => StorageWebhooks.SendAsync(ingestion, delivery));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, acceptedDelivery.StatusCode);
        foreach (var response in new[] { accepted, acceptedDelivery })
        {
            var session = await SessionsClient.WaitUntilDoneAsync(ingestion, await SessionsClient.SessionIdOf(response));
            Assert.Equal("Analyzed", session.GetProperty("status").GetString());
        }
    }

    /// <summary>Pools drop their broken connections on first use after a restart: repeats a 503 within a bound.</summary>
    private static async Task<HttpResponseMessage> UntilAvailableAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var timeout = new CancellationTokenSource(RecoveryTimeout);
        HttpResponseMessage response;
        while ((response = await send()).StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            response.Dispose();
            await Task.Delay(500, timeout.Token);
        }

        return response;
    }
}
