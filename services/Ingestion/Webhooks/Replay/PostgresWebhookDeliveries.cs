using System.Collections.Concurrent;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace TherapyPlatform.Ingestion.Webhooks.Replay;

/// <summary>
/// The delivery memory in PostgreSQL, next to the sessions it guards, so it survives restarts: a row per claimed
/// body digest until the body turns stale. Entries past their expiry are purged at most once a minute, with a claim.
/// </summary>
public sealed partial class PostgresWebhookDeliveries(
    NpgsqlDataSource dataSource, TimeProvider clock, ILogger<PostgresWebhookDeliveries> logger) : IWebhookDeliveries
{
    public const string TableName = "public.therapy_webhook_deliveries";

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    /// <summary>Claims that could not be released while PostgreSQL was unreachable; released before the next claim.</summary>
    private readonly ConcurrentDictionary<string, byte[]> pendingReleases = new(StringComparer.Ordinal);
    private long nextPurgeTicks;

    /// <summary>The table, created with the event store's schema when the service starts (Ingestion owns it).</summary>
    public static void DefineSchema(StoreOptions options)
    {
        var table = new Table(new PostgresqlObjectName("public", "therapy_webhook_deliveries", SchemaUtils.IdentifierUsage.General));
        table.AddColumn("digest", "bytea").AsPrimaryKey();
        table.AddColumn("received_at", "timestamptz").NotNull();
        table.AddColumn("expires_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_therapy_webhook_deliveries_expires_at") { Columns = ["expires_at"] });
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    public async Task<bool> TryClaimAsync(byte[] digest, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var released = pendingReleases.ToArray();
        var purge = now.UtcTicks >= Interlocked.Read(ref nextPurgeTicks);

        await using var batch = dataSource.CreateBatch();
        if (released.Length > 0)
        {
            batch.BatchCommands.Add(Command($"DELETE FROM {TableName} WHERE digest = ANY($1)",
                new NpgsqlParameter<byte[][]> { TypedValue = released.Select(r => r.Value).ToArray() }));
        }

        if (purge)
        {
            batch.BatchCommands.Add(Command($"DELETE FROM {TableName} WHERE expires_at < $1",
                new NpgsqlParameter<DateTimeOffset> { TypedValue = now }));
        }

        var claim = Command($"INSERT INTO {TableName} (digest, received_at, expires_at) VALUES ($1, $2, $3) ON CONFLICT (digest) DO NOTHING",
            new NpgsqlParameter<byte[]> { TypedValue = digest, NpgsqlDbType = NpgsqlDbType.Bytea },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = now },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = expiresAt });
        batch.BatchCommands.Add(claim);
        await batch.ExecuteNonQueryAsync(cancellationToken);

        foreach (var pair in released)
        {
            // Only the claim flushed here: a newer failure of the same body stays pending.
            pendingReleases.TryRemove(pair);
        }

        if (purge)
        {
            Interlocked.Exchange(ref nextPurgeTicks, (now + PurgeInterval).UtcTicks);
        }

        return claim.RecordsAffected == 1;
    }

    public async Task ReleaseAsync(byte[] digest)
    {
        try
        {
            await using var command = dataSource.CreateCommand($"DELETE FROM {TableName} WHERE digest = $1");
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = digest, NpgsqlDbType = NpgsqlDbType.Bytea });
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // PostgreSQL is down (the likely reason the delivery failed): forget the claim before the next one instead.
            pendingReleases[Convert.ToHexString(digest)] = digest;
            LogReleaseDeferred(logger, ex);
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release a failed webhook delivery's claim now; it is released before the next claim")]
    private static partial void LogReleaseDeferred(ILogger logger, Exception exception);
}
