namespace TherapyPlatform.Ingestion.Webhooks.Replay;

/// <summary>Processes a delivery at most once while it is fresh, yet lets a retry through after a transient failure.</summary>
public static class DeliveryClaims
{
    /// <summary>
    /// Claims the delivery, then runs it. Null when it was claimed before (a replay: nothing is run). The claim is
    /// released when the delivery fails transiently (a 5xx answer or an exception), so its retry is processed; an
    /// answer below 500 (taken, duplicate, rejected for good) keeps it.
    /// </summary>
    public static async Task<TResult?> RunOnceAsync<TResult>(
        this IWebhookDeliveries deliveries, byte[] digest, DateTimeOffset expiresAt, Func<Task<TResult>> deliver, CancellationToken cancellationToken)
        where TResult : class, IResult
    {
        if (!await deliveries.TryClaimAsync(digest, expiresAt, cancellationToken))
        {
            return null;
        }

        TResult result;
        try
        {
            result = await deliver();
        }
        catch
        {
            await deliveries.ReleaseAsync(digest);
            throw;
        }

        if (IsTransientFailure(result))
        {
            await deliveries.ReleaseAsync(digest);
        }

        return result;
    }

    private static bool IsTransientFailure(IResult result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: >= 500 };
}
