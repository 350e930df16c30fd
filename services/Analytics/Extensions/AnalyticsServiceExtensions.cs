namespace TherapyPlatform.Analytics.Extensions;

public static class AnalyticsServiceExtensions
{
    public static IHostApplicationBuilder AddAnalyticsServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("therapydb");
        builder.AddRedisClient("redis");
        builder.AddMessaging();
        return builder;
    }
}
