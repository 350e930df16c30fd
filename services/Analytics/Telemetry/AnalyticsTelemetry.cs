using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TherapyPlatform.Analytics.Telemetry;

/// <summary>
/// The service's own spans and meters, both named like the application: ServiceDefaults exports the source of
/// that name, and the service adds the meter (see <c>AddAnalyticsServices</c>).
/// </summary>
public static class AnalyticsTelemetry
{
    public const string Name = "Analytics";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
