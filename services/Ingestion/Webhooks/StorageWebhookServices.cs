using Microsoft.Extensions.Options;
using TherapyPlatform.Ingestion.Webhooks.Replay;

namespace TherapyPlatform.Ingestion.Webhooks;

public static class StorageWebhookServices
{
    /// <summary>
    /// The storage webhook's options (validated on start: no secret means no start, unless unsigned webhooks are
    /// explicitly allowed in Development), its delivery memory and the storage client.
    /// </summary>
    public static IServiceCollection AddStorageWebhooks(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<IWebhookDeliveries, PostgresWebhookDeliveries>();
        services.AddHttpClient<StorageClient>();
        return services;
    }
}
