using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace TherapyPlatform.ServiceDefaults.Database;

/// <summary>The platform's PostgreSQL database (events, read models, session files), as every service connects to it.</summary>
public static class TherapyDatabase
{
    public const string ConnectionName = "therapydb";

    /// <summary>
    /// The data source, traced only inside a traced operation (a request, a message, a subscription continuing an
    /// event's trace): the queries Marten's daemon runs on its own every few seconds (leader election, polls) would
    /// otherwise be root traces that bury the platform's stories in the dashboard.
    /// </summary>
    public static TBuilder AddTherapyDatabase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(ConnectionName, configureDataSourceBuilder: dataSource => dataSource.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null)));
        return builder;
    }
}
