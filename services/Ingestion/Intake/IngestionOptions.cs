using System.ComponentModel.DataAnnotations;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>Limits and conventions of file intake (section <c>Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>The largest session file accepted, in bytes (uploads and downloads alike).</summary>
    [Range(1024, 1L << 31)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>A first path segment matching this is the patient code (anchored on both ends).</summary>
    [Required]
    public string PatientCodePattern { get; set; } = @"P\d{3}";
}
