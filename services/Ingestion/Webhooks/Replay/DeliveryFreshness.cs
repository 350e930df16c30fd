using System.Globalization;

namespace TherapyPlatform.Ingestion.Webhooks.Replay;

/// <summary>How a delivery is dated by the <c>record.created_at</c> inside its signed body.</summary>
public abstract record Freshness
{
    /// <summary>Within the window; the delivery's memory is kept until <paramref name="ExpiresAt"/>, when it turns stale.</summary>
    public sealed record Fresh(DateTimeOffset ExpiresAt) : Freshness;

    /// <summary>Too old, or dated ahead of this server's clock by more than the tolerance.</summary>
    public sealed record Stale(string Reason) : Freshness;

    /// <summary>No usable timestamp: the delivery cannot be dated at all.</summary>
    public sealed record Undated(string Reason) : Freshness;
}

/// <summary>
/// Replay protection without changing Supabase's signing scheme (an HMAC of the body only): the signed body carries
/// when the object was created, so an old delivery cannot be made fresh without the secret. Only <c>created_at</c>
/// counts (storage sends it on every <c>storage.objects</c> row; <c>updated_at</c> would be a second rule for no gain).
/// </summary>
public static class DeliveryFreshness
{
    public static Freshness Check(string? createdAt, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrWhiteSpace(createdAt))
        {
            return new Freshness.Undated("record.created_at is required: it dates the delivery so that replays can be refused.");
        }

        if (!DateTimeOffset.TryParse(createdAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            return new Freshness.Undated($"record.created_at '{createdAt}' is not an ISO-8601 timestamp.");
        }

        var age = now - created;
        if (age > window)
        {
            return new Freshness.Stale(
                $"record.created_at {created:O} is {Whole(age)} old; deliveries are accepted for {window} after it.");
        }

        if (-age > WebhookOptions.FutureTolerance)
        {
            return new Freshness.Stale(
                $"record.created_at {created:O} is {Whole(-age)} ahead of this server's clock (at most {WebhookOptions.FutureTolerance} allowed).");
        }

        return new Freshness.Fresh(created + window);
    }

    private static TimeSpan Whole(TimeSpan span) => TimeSpan.FromSeconds(Math.Floor(span.TotalSeconds));
}
