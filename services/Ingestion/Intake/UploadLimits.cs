using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>
/// Raises or lowers the server's body and form limits to the configured file size, so an oversized upload is cut
/// off while it streams instead of being buffered first.
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the multipart boundaries and the settings fields around the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public static IServiceCollection AddUploadLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<IngestionOptions>>((kestrel, ingestion) =>
            kestrel.Limits.MaxRequestBodySize = ingestion.Value.MaxFileBytes + FormOverheadBytes);
        services.AddOptions<FormOptions>().Configure<IOptions<IngestionOptions>>((form, ingestion) =>
        {
            form.MultipartBodyLengthLimit = ingestion.Value.MaxFileBytes + FormOverheadBytes;
            // GHOSTLY sessions are 1-3 MB: keep them in memory rather than in a temporary file (default 64 KB).
            form.MemoryBufferThreshold = 4 * 1024 * 1024;
            form.ValueCountLimit = 64;
        });
        return services;
    }
}
