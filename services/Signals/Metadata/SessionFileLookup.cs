using Npgsql;

namespace TherapyPlatform.Signals.Metadata;

/// <summary>The file a session was made from, its latest analysis request and its patient.</summary>
internal sealed record SessionFile(string FileHash, int RequestNumber, string? PatientCode = null);

/// <summary>Finds a session's file when its metadata is not cached.</summary>
internal interface ISessionFileLookup
{
    Task<SessionFile?> FindAsync(Guid sessionId, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the session snapshot (Marten's <c>mt_doc_session</c> table, JSON with camelCase properties) through the
/// <c>therapydb</c> data source. Chosen over asking Ingestion's <c>GET /api/sessions/{id}</c>: Signals needs this
/// database anyway for the file bytes, so the lookup adds no dependency and no failure mode (a cold request does not
/// also need Ingestion up, which the fault runs of issue 8 stop and restart), it is one indexed read instead of an
/// HTTP hop plus Ingestion's stream read within the cold-request budget, and the snapshot is written in the same
/// transaction as the events, so it is never behind them. The price is knowing Marten's table layout, kept to this
/// one query and exercised end to end by the integration tests.
/// </summary>
internal sealed class MartenSessionFileLookup(NpgsqlDataSource dataSource) : ISessionFileLookup
{
    private const string Query =
        "SELECT data ->> 'fileHash', COALESCE((data ->> 'requestNumber')::int, 1), data ->> 'patientCode' FROM mt_doc_session WHERE id = $1";

    public async Task<SessionFile?> FindAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = sessionId });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || await reader.IsDBNullAsync(0, cancellationToken))
            {
                return null;
            }

            return new SessionFile(reader.GetString(0), reader.GetInt32(1),
                await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetString(2));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No session has been stored yet, so Marten has not created the table.
            return null;
        }
    }
}
