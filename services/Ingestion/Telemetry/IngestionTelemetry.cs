using System.Diagnostics;

namespace TherapyPlatform.Ingestion.Telemetry;

/// <summary>The service's own spans; ServiceDefaults exports the source named like the application.</summary>
public static class IngestionTelemetry
{
    public const string SourceName = "Ingestion";

    public static readonly ActivitySource Source = new(SourceName);
}
