using System.ComponentModel.DataAnnotations;

namespace TherapyPlatform.Ingestion.Webhooks;

/// <summary>The Supabase project whose storage sends the webhook (section <c>Storage</c>).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>
    /// The Supabase project URL; the object is fetched from <c>{Url}/storage/v1/object/{bucket}/{name}</c>. Empty
    /// where no storage is connected (local development): webhooks then answer 503.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>The service-role key sent as bearer token and <c>apikey</c>.</summary>
    public string? ServiceKey { get; set; }

    /// <summary>Only objects of this bucket are sessions.</summary>
    [Required]
    public string Bucket { get; set; } = "c3d-examples";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Url) && !(Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"Storage:Url '{Url}' is not an http(s) URL.", [nameof(Url)]);
        }
    }
}
