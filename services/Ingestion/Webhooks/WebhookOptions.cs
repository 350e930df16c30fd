using System.ComponentModel.DataAnnotations;

namespace TherapyPlatform.Ingestion.Webhooks;

/// <summary>How storage webhooks are authenticated and kept from being replayed (section <c>Webhook</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhook";

    /// <summary>A delivery dated further ahead of this server's clock than this is refused (clock drift allowance).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(1);

    /// <summary>The shared secret of the <c>x-supabase-signature</c> HMAC-SHA256. Required unless <see cref="AllowUnsigned"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Accept unsigned webhooks when no <see cref="Secret"/> is set: only for running Ingestion alone in the
    /// Development environment (the AppHost always passes a generated secret). The service refuses to start with it
    /// anywhere else.
    /// </summary>
    public bool AllowUnsigned { get; set; }

    /// <summary>
    /// How long after its <c>record.created_at</c> a delivery is accepted; a body seen within this window is a replay.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest webhook body accepted, in bytes (a storage event is well under 4 KB).</summary>
    [Range(256, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Whether deliveries must carry a valid signature (a secret is set).</summary>
    public bool RequiresSignature => !string.IsNullOrEmpty(Secret);
}
