using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>Recognises patient codes (default <c>P\d{3}</c>, e.g. <c>P042</c>) by the configured pattern.</summary>
public sealed class PatientCodes(IOptions<IngestionOptions> options)
{
    private readonly Regex pattern = new($"^(?:{options.Value.PatientCodePattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    public bool IsValid(string code) => pattern.IsMatch(code);

    /// <summary>The first segment of a storage object path when it is a patient code (<c>P042/Ghostly_....c3d</c>).</summary>
    public string? FromObjectPath(string objectPath)
    {
        var slash = objectPath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IsValid(objectPath[..slash]) ? objectPath[..slash] : null;
    }
}
