using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting.Testing;
using RabbitMQ.Client;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Analytics;

/// <summary>
/// Analysis requests delivered more than once, to both Analytics replicas, while the first is still being
/// analysed and after it ended: the session still gets exactly one completion.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DuplicateRequestTests(PlatformFixture platform) : IDisposable
{
    /// <summary>The queue Ingestion sends requests to (MassTransit binds an exchange of the same name to it).</summary>
    private const string Queue = "session-analysis";
    private readonly AnalyticsPlatform analytics = new(platform);

    [SharedDataFact]
    public async Task Redelivered_and_racing_requests_commit_one_analysis()
    {
        var content = AnalyticsPlatform.UniqueCopy("Ghostly_Emg_20240304_10-05-56-0883");
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var factory = new ConnectionFactory { Uri = new Uri((await platform.App.GetConnectionStringAsync("rabbitmq", timeout.Token))!) };
        await using var connection = await factory.CreateConnectionAsync(timeout.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token);

        var upload = analytics.AnalyzedSessionAsync(content, "duplicate-requests.c3d");
        var sessionId = SessionIdOf(hash);
        await PublishCopiesAsync(channel, sessionId, hash, copies: 4, timeout.Token);
        await upload;
        await PublishCopiesAsync(channel, sessionId, hash, copies: 2, timeout.Token);
        await WaitUntilConsumedAsync(channel, timeout.Token);

        var history = (await analytics.SessionAsync(sessionId, timeout.Token)).GetProperty("history").EnumerateArray()
            .Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Single(history, e => e == "SessionAnalyzed");
        Assert.DoesNotContain("AnalysisFailed", history);
        Assert.Equal("SessionAnalyzed", history.Last());
    }

    public void Dispose() => analytics.Dispose();

    /// <summary>The stream id Ingestion derives from the hash (RFC 9562 v8 from its first 16 bytes).</summary>
    private static Guid SessionIdOf(string hash)
    {
        var bytes = Convert.FromHexString(hash.AsSpan(0, 32));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Sends what Ingestion sends, in MassTransit's JSON envelope.</summary>
    private static async Task PublishCopiesAsync(IChannel channel, Guid sessionId, string hash, int copies, CancellationToken cancellationToken)
    {
        for (var i = 0; i < copies; i++)
        {
            var envelope = JsonSerializer.SerializeToUtf8Bytes(new
            {
                messageId = Guid.NewGuid(),
                messageType = new[] { "urn:message:TherapyPlatform.Contracts:SessionAnalysisRequested" },
                message = new { sessionId, requestNumber = 1, fileHash = hash, patientCode = (string?)null },
                sentTime = DateTimeOffset.UtcNow,
            });
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent };
            await channel.BasicPublishAsync(Queue, string.Empty, mandatory: false, properties, envelope, cancellationToken);
        }
    }

    private static async Task WaitUntilConsumedAsync(IChannel channel, CancellationToken cancellationToken)
    {
        while (await channel.MessageCountAsync(Queue, cancellationToken) > 0)
        {
            await Task.Delay(100, cancellationToken);
        }

        // Taken from the queue is not yet handled: a skipped request takes milliseconds.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
    }
}
