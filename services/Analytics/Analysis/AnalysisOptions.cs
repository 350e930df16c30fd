using System.ComponentModel.DataAnnotations;

namespace TherapyPlatform.Analytics.Analysis;

/// <summary>How analysis requests are consumed (section <c>Analysis</c>).</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Redeliveries after a transient failure, before the message goes to the error queue.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 5;

    [Range(10, 60_000)]
    public int MinRetryIntervalMs { get; set; } = 200;

    [Range(10, 600_000)]
    public int MaxRetryIntervalMs { get; set; } = 10_000;

    /// <summary>Analyses run at once per replica; the analysis is CPU-bound, so about one per core.</summary>
    [Range(1, 64)]
    public int ConcurrentAnalyses { get; set; } = Math.Max(1, Environment.ProcessorCount);
}
