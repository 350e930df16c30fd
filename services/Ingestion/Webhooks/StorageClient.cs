using System.Net;
using Microsoft.Extensions.Options;
using TherapyPlatform.Ingestion.Intake;
using TherapyPlatform.Ingestion.Telemetry;

namespace TherapyPlatform.Ingestion.Webhooks;

/// <summary>Downloads objects through the Supabase Storage REST API with the service key.</summary>
public sealed class StorageClient(HttpClient http, IOptions<StorageOptions> storage, IOptions<IngestionOptions> ingestion)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(storage.Value.Url);

    /// <exception cref="StorageDownloadException">The object is missing, too large, or storage failed.</exception>
    public async Task<byte[]> DownloadAsync(string bucket, string objectPath, CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.Source.StartActivity("storage download");
        activity?.SetTag("storage.bucket", bucket);
        activity?.SetTag("storage.object", objectPath);

        var path = string.Join('/', objectPath.Split('/').Select(Uri.EscapeDataString));
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri($"{storage.Value.Url!.TrimEnd('/')}/storage/v1/object/{Uri.EscapeDataString(bucket)}/{path}"));
        if (!string.IsNullOrEmpty(storage.Value.ServiceKey))
        {
            request.Headers.Authorization = new("Bearer", storage.Value.ServiceKey);
            request.Headers.Add("apikey", storage.Value.ServiceKey);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            throw new StorageDownloadException($"Storage has no object '{objectPath}' in bucket '{bucket}'.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new StorageDownloadException($"Storage answered {(int)response.StatusCode} for '{objectPath}'.");
        }

        var max = ingestion.Value.MaxFileBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            throw new StorageDownloadException($"'{objectPath}' is larger than the {max}-byte limit.", tooLarge: true);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new StorageDownloadException($"'{objectPath}' is larger than the {max}-byte limit.", tooLarge: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

public sealed class StorageDownloadException : Exception
{
    public StorageDownloadException()
    {
    }

    public StorageDownloadException(string message)
        : base(message)
    {
    }

    public StorageDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageDownloadException(string message, bool tooLarge)
        : base(message) => TooLarge = tooLarge;

    public bool TooLarge { get; }
}
