using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>
/// Raises or lowers the server's body limit to the configured file size, so an oversized upload is cut off while it
/// streams instead of being buffered first (<see cref="UploadForm"/> reads the parts).
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the multipart boundaries and the settings fields around the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public static IServiceCollection AddUploadLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<IngestionOptions>>((kestrel, ingestion) =>
            kestrel.Limits.MaxRequestBodySize = ingestion.Value.MaxFileBytes + FormOverheadBytes);
        return services;
    }
}
