namespace TherapyPlatform.Ingestion.Webhooks.Replay;

/// <summary>The memory of webhook deliveries (by digest of the body) that were taken on, kept while they are fresh.</summary>
public interface IWebhookDeliveries
{
    /// <summary>
    /// Claims a delivery before it is processed, atomically: true for the first claim, false when the same body was
    /// claimed before (a replay). Throws when the store cannot be reached.
    /// </summary>
    Task<bool> TryClaimAsync(byte[] digest, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets a claim whose processing failed transiently, so a genuine retry is processed. Never throws: a claim that
    /// cannot be forgotten now is forgotten before the next claim.
    /// </summary>
    Task ReleaseAsync(byte[] digest);
}
