using Microsoft.Extensions.DependencyInjection.Extensions;
using TherapyPlatform.Ingestion.Intake;
using TherapyPlatform.Ingestion.Publishing;
using TherapyPlatform.Ingestion.Webhooks;

namespace TherapyPlatform.Ingestion;

public static class Extensions
{
    /// <summary>The advisory lock of Ingestion's event-store daemon (each service has its own).</summary>
    private const int DaemonLockId = 4201;

    public static IHostApplicationBuilder AddIngestionServices(this IHostApplicationBuilder builder)
    {
        builder.AddSessionEventStore(DaemonLockId)
            .AddSubscriptionWithServices<AnalysisRequestPublisher>(ServiceLifetime.Singleton);
        builder.AddFileStore();
        builder.AddMessaging();

        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddUploadLimits();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PatientCodes>();
        builder.Services.AddScoped<SessionIntake>();
        builder.Services.AddHttpClient<StorageClient>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return builder;
    }
}
