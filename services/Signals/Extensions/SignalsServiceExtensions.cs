namespace TherapyPlatform.Signals.Extensions;

public static class SignalsServiceExtensions
{
    public static IHostApplicationBuilder AddSignalsServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("therapydb");
        builder.AddRedisClient("redis");
        builder.AddMessaging();
        return builder;
    }
}
