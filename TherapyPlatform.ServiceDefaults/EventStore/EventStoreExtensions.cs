using System.Text.Json.Serialization;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;
using Weasel.Core;
using TherapyPlatform.ServiceDefaults.Database;
using TherapyPlatform.ServiceDefaults.EventStore;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The Marten event store shared by the services that write session streams: PostgreSQL from Aspire
/// (<c>therapydb</c>), every session event registered, and the <see cref="Session"/> snapshot updated inline in
/// the same transaction as the events, whichever service appends them. The async daemon looks for new events when
/// the service's own appends pause (<see cref="LocalAppendWakeup"/>), not only at its polls.
/// </summary>
public static class EventStoreExtensions
{
    /// <param name="builder">The service's builder.</param>
    /// <param name="daemonLockId">
    /// The advisory lock of this service's async daemon. Each service needs its own: with one shared lock the
    /// leader of one service would be the only daemon across all of them, and the others' subscriptions would never run.
    /// </param>
    /// <param name="configure">The service's own documents, projections and subscriptions.</param>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddSessionEventStore<TBuilder>(
        this TBuilder builder, int daemonLockId, Action<StoreOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddTherapyDatabase();
        return builder.Services.AddMarten(options =>
            {
                options.UseSystemTextJsonForSerialization(
                    EnumStorage.AsString,
                    Casing.CamelCase,
                    json => json.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals);
                options.Events.AddEventTypes(SessionEventTypes.All);
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Projections.Snapshot<Session>(SnapshotLifecycle.Inline);
                options.Projections.DaemonLockId = daemonLockId;
                // A sequence number taken by an append that rolled back leaves a gap that holds every daemon until it
                // is skipped; Marten only skips once no transaction that could still fill it looks alive, so the
                // wait before it looks need not be its default 3 s (the next upload was Analyzed 3.9-4.5 s late).
                options.Projections.UseTransactionEvidenceForGapSkipping = true;
                options.Projections.StaleSequenceThreshold = TimeSpan.FromMilliseconds(500);
                var wakeup = new LocalAppendWakeup(options.Projections.SlowPollingTime, TimeProvider.System);
                options.Projections.Wakeup = wakeup;
                options.Listeners.Add(wakeup);
                options.DisableNpgsqlLogging = true;
                configure?.Invoke(options);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            // Several replicas may run: one daemon leads, the others stand by.
            .AddAsyncDaemon(DaemonMode.HotCold);
    }
}
