using Microsoft.Extensions.DependencyInjection.Extensions;
using TherapyPlatform.Ingestion.Intake;
using TherapyPlatform.Ingestion.Publishing;
using TherapyPlatform.Ingestion.RateLimiting;
using TherapyPlatform.Ingestion.Webhooks;
using TherapyPlatform.Ingestion.Webhooks.Replay;

namespace TherapyPlatform.Ingestion;

public static class Extensions
{
    /// <summary>The advisory lock of Ingestion's event-store daemon (each service has its own).</summary>
    private const int DaemonLockId = 4201;

    public static IHostApplicationBuilder AddIngestionServices(this IHostApplicationBuilder builder)
    {
        builder.AddSessionEventStore(DaemonLockId, PostgresWebhookDeliveries.DefineSchema)
            .AddSubscriptionWithServices<AnalysisRequestPublisher>(ServiceLifetime.Singleton);
        builder.AddFileStore();
        builder.AddMessaging();

        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddStorageWebhooks();
        builder.Services.AddUploadLimits();
        builder.Services.AddUploadRateLimiting();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PatientCodes>();
        builder.Services.AddScoped<SessionIntake>();
        builder.Services.AddWarmUp<IntakeWarmUp>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return builder;
    }
}
