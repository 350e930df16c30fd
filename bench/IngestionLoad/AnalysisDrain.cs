using System.Globalization;
using System.Net;
using Aspire.Hosting.Testing;
using Npgsql;
using TherapyPlatform.C3d;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Bench.IngestionLoad;

/// <summary>
/// Analyses per second of the two Analytics replicas (issue 8): RabbitMQ is stopped while N distinct files are
/// uploaded (stored and accepted; their analysis requests wait in Ingestion's subscription), then started, so the
/// replicas find the whole backlog at once. The rate is N over the time from the first AnalysisStarted to the last
/// SessionAnalyzed, read from the event store, so RabbitMQ's restart and the reconnections are not counted.
/// </summary>
internal static class AnalysisDrain
{
    private const string Window = """
        SELECT count(*) FILTER (WHERE type = 'session_analyzed'),
               extract(epoch FROM max(timestamp) FILTER (WHERE type = 'session_analyzed')
                                - min(timestamp) FILTER (WHERE type = 'analysis_started'))
        FROM mt_events WHERE stream_id = ANY($1)
        """;

    private const string ByReplica = """
        SELECT data ->> 'analyzer', count(*) FROM mt_events
        WHERE stream_id = ANY($1) AND type = 'analysis_started' GROUP BY 1 ORDER BY 1
        """;

    public static async Task<bool> RunAsync(Platform platform, int count, double seconds, int firstSeed = 4_000_000)
    {
        var ids = new List<Guid>();
        await platform.StopAsync("rabbitmq");
        try
        {
            for (var i = 0; i < count; i++)
            {
                var ack = await platform.UploadAsync(GhostlyFiles.Create(firstSeed + i, seconds));
                ids.Add(ack is { Status: HttpStatusCode.Accepted, SessionId: { } id } ? id : throw new InvalidOperationException($"upload answered {ack.Status}"));
            }
        }
        finally
        {
            await platform.StartAsync("rabbitmq");
        }

        var analysed = await platform.UntilDoneAsync(ids, TimeSpan.FromMinutes(20));
        await using var database = NpgsqlDataSource.Create((await platform.App.GetConnectionStringAsync("postgres"))!);
        await using var window = database.CreateCommand(Window);
        window.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. ids] });
        await using var reader = await window.ExecuteReaderAsync();
        await reader.ReadAsync();
        var events = reader.GetInt64(0);
        var windowSeconds = (double)reader.GetDecimal(1);
        await reader.CloseAsync();
        await using var byReplica = database.CreateCommand(ByReplica);
        byReplica.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. ids] });
        var replicas = new List<string>();
        await using (var rows = await byReplica.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                replicas.Add($"{rows.GetString(0)}: {rows.GetInt64(1)}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {seconds} s, {GhostlyFiles.Create(firstSeed, seconds).Length / 1024.0:N0} KB | {analysed} | {events} | {windowSeconds:F1} s | {events / windowSeconds:F1} | {string.Join(", ", replicas)} | load {Platform.LoadAverage()} |"));
        return analysed == count && events == count;
    }

    public static void Header()
    {
        Console.WriteLine("| files | file | Analyzed | SessionAnalyzed events | first start to last analysed | analyses/s | analyses started per replica | |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---|---|");
    }
}
