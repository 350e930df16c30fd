namespace TherapyPlatform.Ingestion.Extensions;

public static class IngestionServiceExtensions
{
    public static IHostApplicationBuilder AddIngestionServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("therapydb");
        builder.AddMessaging();
        return builder;
    }
}
