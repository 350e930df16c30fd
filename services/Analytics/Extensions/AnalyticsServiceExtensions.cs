using Marten;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using StackExchange.Redis;
using TherapyPlatform.Analytics.Analysis;
using TherapyPlatform.Analytics.Api;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.Analytics.Publishing;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Telemetry;
using TherapyPlatform.Emg.Settings;
using JasperFx.Events.Projections;
using MassTransit;

namespace TherapyPlatform.Analytics.Extensions;

public static class AnalyticsServiceExtensions
{
    /// <summary>The advisory lock of Analytics' event-store daemon (each service has its own).</summary>
    private const int DaemonLockId = 4202;

    public static IHostApplicationBuilder AddAnalyticsServices(this IHostApplicationBuilder builder)
    {
        builder.AddSessionEventStore(DaemonLockId, options => options.Projections.Add<SessionAnalyticsProjection>(ProjectionLifecycle.Inline))
            .AddSubscriptionWithServices<AnalysisResultPublisher>(ServiceLifetime.Singleton)
            .AddSubscriptionWithServices<AnalyticsCacheWriter>(ServiceLifetime.Singleton);
        builder.AddFileStore();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<SessionAnalysisConsumer, SessionAnalysisConsumerDefinition>();
            bus.AddConsumer<AnalysisFaultConsumer, AnalysisFaultConsumerDefinition>();
        });
        builder.AddAnalyticsCache();

        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        // The reference analyzer's parameters: the golden values hold for these.
        builder.Services.AddSingleton(AnalyticsSettings.Default);
        builder.Services.AddSingleton<SessionStreamWriter>();
        builder.Services.AddSingleton<AnalyticsReader>();
        builder.Services.AddWarmUp<AnalysisWarmUp>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AnalyticsTelemetry.Name));
        return builder;
    }

    public static WebApplication MapAnalyticsEndpoints(this WebApplication app)
    {
        app.MapAnalyticsApi();
        app.MapCacheApi();
        return app;
    }

    private static void AddAnalyticsCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CacheOptions>, CacheOptionsValidator>();
        var timeoutMs = builder.Configuration.GetSection(CacheOptions.Section).Get<CacheOptions>()?.RedisTimeoutMs ?? new CacheOptions().RedisTimeoutMs;
        builder.AddRedisClient(
            CacheOptions.RedisConnectionName,
            settings => settings.DisableHealthChecks = true,
            redis =>
            {
                // Start and keep running without Redis; while it is down, fail calls at once instead of queueing them.
                redis.AbortOnConnectFail = false;
                redis.BacklogPolicy = BacklogPolicy.FailFast;
                redis.ConnectTimeout = timeoutMs;
                redis.AsyncTimeout = timeoutMs;
                redis.SyncTimeout = timeoutMs;
                redis.ReconnectRetryPolicy = new LinearRetry(500);
                // INFO (memory used, for /cache/stats and /health) is an admin command to this client.
                redis.AllowAdmin = true;
                // Replies are read on the .NET thread pool, where the request that awaits them continues, instead of
                // on ten dedicated threads that hand each reply over: measured 37 context switches per cache hit
                // with those threads, 17 without.
                redis.SocketManager = SocketManager.ThreadPool;
            });
        builder.Services.AddHealthChecks().AddCheck<CacheHealthCheck>(CacheHealthCheck.Name);
        builder.Services.AddSingleton<LocalAnalyticsCache>();
        builder.Services.AddHostedService<CacheEvictions>();
        builder.Services.AddSingleton<AnalyticsCache>();
        builder.Services.AddSingleton<CacheStatistics>();
        builder.Services.AddSingleton<CacheRefiller>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CacheRefiller>());
    }
}
