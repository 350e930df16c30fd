using System.ComponentModel.DataAnnotations;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Configuration;

/// <summary>Configuration section <c>Signals</c>, checked when the service starts.</summary>
internal sealed class SignalsOptions : IValidatableObject
{
    public const string SectionName = "Signals";

    /// <summary>Bound of the in-memory cache of decoded channels, envelopes and session metadata.</summary>
    [Range(8, 65536)]
    public int MemoryCacheMegabytes { get; set; } = 256;

    /// <summary>Lifetime of the overview series (and of metadata Signals rebuilt) in Redis.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RedisTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long this process trusts session metadata it holds before asking Redis again (a re-analysis only changes
    /// the request number; channels and rate come from the file, which a session never changes).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MetadataMemoryLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Points of a series when the request does not say; also the size of the precomputed overviews.</summary>
    [Range(MinMaxDownsampler.MinimumPoints, 100_000)]
    public int DefaultMaxPoints { get; set; } = 2000;

    /// <summary>The most points a request may ask for (a full-resolution export of a 10-minute 2 kHz channel is 1.2 M).</summary>
    [Range(MinMaxDownsampler.MinimumPoints, 20_000_000)]
    public int MaxPointsLimit { get; set; } = 2_000_000;

    /// <summary>
    /// Sessions whose overviews this process precomputes at once. Precomputing only saves a dashboard's first plot
    /// some time, so by default it takes one core at most and leaves the others to requests and analyses.
    /// </summary>
    [Range(1, 64)]
    public int ConcurrentPrecomputations { get; set; } = 1;

    public long MemoryCacheBytes => MemoryCacheMegabytes * 1024L * 1024L;

    public SeriesLimits Limits => new(DefaultMaxPoints, MaxPointsLimit);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultMaxPoints > MaxPointsLimit)
        {
            yield return new ValidationResult(
                $"{nameof(DefaultMaxPoints)} ({DefaultMaxPoints}) must not exceed {nameof(MaxPointsLimit)} ({MaxPointsLimit}).",
                [nameof(DefaultMaxPoints), nameof(MaxPointsLimit)]);
        }
    }
}
