using System.Diagnostics;
using Aspire.Hosting.Testing;
using Npgsql;
using TherapyPlatform.IntegrationTests.Infrastructure;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>One session stream as the event store holds it: how many of each analysis event, and who started them.</summary>
public sealed record SessionEvents(Guid SessionId, int Started, int Analyzed, int Failed, IReadOnlyList<string> Analyzers)
{
    public bool IsDone => Analyzed + Failed > 0;
}

/// <summary>
/// Counts straight from Marten's event table (not through an API that might hide a duplicate): every session whose
/// <c>SessionFileReceived</c> names a patient code, with its analysis events. Each test uses its own patient code.
/// </summary>
public sealed class SessionLedger(PlatformFixture platform)
{
    private const string Query = """
        SELECT r.stream_id,
               count(*) FILTER (WHERE e.type = 'analysis_started'),
               count(*) FILTER (WHERE e.type = 'session_analyzed'),
               count(*) FILTER (WHERE e.type = 'analysis_failed'),
               coalesce(array_agg(e.data ->> 'analyzer') FILTER (WHERE e.type = 'analysis_started'), '{}')
        FROM mt_events r JOIN mt_events e ON e.stream_id = r.stream_id
        WHERE r.type = 'session_file_received' AND r.data ->> 'patientCode' = $1
        GROUP BY r.stream_id
        """;

    public async Task<IReadOnlyList<SessionEvents>> OfPatientAsync(string patientCode, CancellationToken cancellationToken = default)
    {
        // The local PostgreSQL server's connection string names the therapydb database.
        await using var database = NpgsqlDataSource.Create((await platform.App.GetConnectionStringAsync("postgres", cancellationToken))!);
        await using var command = database.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = patientCode });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sessions = new List<SessionEvents>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(new SessionEvents(reader.GetGuid(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
                reader.GetFieldValue<string[]>(4)));
        }

        return sessions;
    }

    /// <summary>
    /// Polls until <paramref name="expected"/> sessions of the patient have ended (analysed or failed), then waits
    /// <paramref name="settle"/> more so that a late duplicate (a redelivered message) would be counted too. After
    /// <paramref name="timeout"/> it returns what is there, for the caller's assertions to show.
    /// </summary>
    public async Task<IReadOnlyList<SessionEvents>> WhenDoneAsync(string patientCode, int expected, TimeSpan timeout, TimeSpan settle)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<SessionEvents> sessions;
        while (!IsComplete(sessions = await OfPatientAsync(patientCode), expected))
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return sessions;
            }

            await Task.Delay(500);
        }

        await Task.Delay(settle);
        return await OfPatientAsync(patientCode);
    }

    private static bool IsComplete(IReadOnlyList<SessionEvents> sessions, int expected) =>
        sessions.Count >= expected && sessions.All(s => s.IsDone);
}
