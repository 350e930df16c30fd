using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TherapyPlatform.Ingestion.Webhooks.Replay;

namespace TherapyPlatform.Ingestion.Tests.Webhooks;

public sealed class DeliveryClaimsTests
{
    private static readonly DateTimeOffset ExpiresAt = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly byte[] digest = [1, 2, 3];
    private readonly MemoryDeliveries deliveries = new();

    [Fact]
    public async Task A_first_delivery_is_run_and_its_claim_kept()
    {
        var result = await deliveries.RunOnceAsync(digest, ExpiresAt, () => Answer(StatusCodes.Status202Accepted), CancellationToken.None);

        Assert.NotNull(result);
        Assert.True(deliveries.IsClaimed(digest));
    }

    [Fact]
    public async Task A_replay_is_not_run()
    {
        await deliveries.RunOnceAsync(digest, ExpiresAt, () => Answer(StatusCodes.Status202Accepted), CancellationToken.None);
        var runs = 0;

        var replay = await deliveries.RunOnceAsync(digest, ExpiresAt, () =>
        {
            runs++;
            return Answer(StatusCodes.Status202Accepted);
        }, CancellationToken.None);

        Assert.Null(replay);
        Assert.Equal(0, runs);
    }

    [Theory]
    [InlineData(StatusCodes.Status502BadGateway)]
    [InlineData(StatusCodes.Status503ServiceUnavailable)]
    public async Task A_transient_failure_releases_the_claim_so_a_retry_is_run(int status)
    {
        var failed = await deliveries.RunOnceAsync(digest, ExpiresAt, () => Answer(status), CancellationToken.None);
        Assert.Equal(status, StatusOf(failed));
        Assert.False(deliveries.IsClaimed(digest));

        var retry = await deliveries.RunOnceAsync(digest, ExpiresAt, () => Answer(StatusCodes.Status202Accepted), CancellationToken.None);

        Assert.Equal(StatusCodes.Status202Accepted, StatusOf(retry));
        Assert.True(deliveries.IsClaimed(digest));
    }

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest)]
    [InlineData(StatusCodes.Status413PayloadTooLarge)]
    [InlineData(StatusCodes.Status200OK)]
    public async Task A_final_answer_keeps_the_claim(int status)
    {
        await deliveries.RunOnceAsync(digest, ExpiresAt, () => Answer(status), CancellationToken.None);

        Assert.Null(await deliveries.RunOnceAsync(digest, ExpiresAt, () => Answer(status), CancellationToken.None));
    }

    [Fact]
    public async Task An_exception_releases_the_claim_and_propagates()
    {
        await Assert.ThrowsAsync<TimeoutException>(() =>
            deliveries.RunOnceAsync<Results<Accepted, ProblemHttpResult>>(digest, ExpiresAt, () => throw new TimeoutException(), CancellationToken.None));

        Assert.False(deliveries.IsClaimed(digest));
    }

    [Fact]
    public async Task The_claim_lasts_until_the_delivery_turns_stale()
    {
        await deliveries.RunOnceAsync(digest, ExpiresAt, () => Answer(StatusCodes.Status202Accepted), CancellationToken.None);

        Assert.Equal(ExpiresAt, deliveries.ExpiryOf(digest));
    }

    private static Task<Results<Accepted, ProblemHttpResult>> Answer(int status) =>
        Task.FromResult<Results<Accepted, ProblemHttpResult>>(status == StatusCodes.Status202Accepted
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(statusCode: status));

    private static int? StatusOf(Results<Accepted, ProblemHttpResult>? result) => (result?.Result as IStatusCodeHttpResult)?.StatusCode;

    /// <summary>The claim semantics of the PostgreSQL table (insert if absent, delete on release), in memory.</summary>
    private sealed class MemoryDeliveries : IWebhookDeliveries
    {
        private readonly Dictionary<string, DateTimeOffset> claims = [];

        public bool IsClaimed(byte[] digest) => claims.ContainsKey(Convert.ToHexString(digest));

        public DateTimeOffset ExpiryOf(byte[] digest) => claims[Convert.ToHexString(digest)];

        public Task<bool> TryClaimAsync(byte[] digest, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
            Task.FromResult(claims.TryAdd(Convert.ToHexString(digest), expiresAt));

        public Task ReleaseAsync(byte[] digest)
        {
            claims.Remove(Convert.ToHexString(digest));
            return Task.CompletedTask;
        }
    }
}
