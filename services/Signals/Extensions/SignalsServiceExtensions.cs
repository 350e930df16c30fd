using MassTransit;
using StackExchange.Redis;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Metadata;
using TherapyPlatform.Signals.Overviews;
using TherapyPlatform.Signals.Recordings;
using TherapyPlatform.Signals.Series;
using TherapyPlatform.Signals.Telemetry;
using TherapyPlatform.ServiceDefaults.Database;

namespace TherapyPlatform.Signals.Extensions;

public static class SignalsServiceExtensions
{
    public static IHostApplicationBuilder AddSignalsServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SignalsOptions>()
            .BindConfiguration(SignalsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The file store and the session snapshots; Signals reads them, so it needs no Marten of its own.
        builder.AddTherapyDatabase();
        builder.AddFileStore();
        // Fail fast while Redis is down: lookups are bypassed at once instead of queueing until a timeout. Its health
        // is the cache check's, which says Degraded rather than Unhealthy then.
        builder.AddRedisClient(
            "redis",
            settings => settings.DisableHealthChecks = true,
            redis => redis.BacklogPolicy = BacklogPolicy.FailFast);
        builder.Services.AddHealthChecks().AddCheck<CacheHealthCheck>(CacheHealthCheck.Name);
        builder.AddMessaging(bus => bus.AddConsumer<SessionAnalyzedConsumer, SessionAnalyzedConsumerDefinition>());

        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SignalsJsonContext.Default));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SignalsMemoryCache>();
        builder.Services.AddSingleton<ISharedCache, RedisSharedCache>();
        builder.Services.AddSingleton<ISessionFileLookup, MartenSessionFileLookup>();
        builder.Services.AddSingleton<EnvelopeCalculator>();
        builder.Services.AddSingleton<RecordingCache>();
        builder.Services.AddSingleton<SessionMetadataStore>();
        builder.Services.AddSingleton<OverviewStore>();
        builder.Services.AddSingleton<SeriesService>();
        builder.Services.AddWarmUp<OverviewWarmUp>();

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(SignalsTelemetry.Name));
        return builder;
    }

    public static WebApplication MapSignalsApis(this WebApplication app)
    {
        app.MapChannelListApi();
        app.MapSeriesApi();
        return app;
    }
}
