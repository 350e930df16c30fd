using System.Globalization;
using System.Net;
using Aspire.Hosting.ApplicationModel;
using TherapyPlatform.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>
/// Issue 8's webhook run (<see cref="WebhookDeliveryRun"/>: 1,000 signed deliveries of 200 files, 20 concurrent,
/// 4 distinct deliveries per file and 200 byte-identical replays) under a fault, counted in the event store itself:
/// exactly the 200 sessions, each with exactly one <c>SessionAnalyzed</c>, and no answer other than 202, 200
/// duplicate and 409 replay. Each test has its own patient code, so the counts are this run's only.
/// </summary>
[Collection(FaultPlatformCollection.Name)]
public sealed class WebhookRunFaultTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan AnalysisTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private readonly PlatformFaults faults = new(platform);
    private readonly SessionLedger ledger = new(platform);

    [Fact]
    public async Task With_RabbitMQ_stopped_for_30_s_during_the_run_nothing_is_lost_and_each_session_is_analysed_once()
    {
        const string patient = "P811";
        var run = WebhookDeliveryRun.Prepare(platform.Storage, patient, firstSeed: 81_000);
        using var ingestion = platform.CreateClient("ingestion");
        var waitingWhenBack = 0;

        async Task RabbitMqOutageAsync()
        {
            await faults.StopAsync("rabbitmq");
            try
            {
                await Task.Delay(Outage);
                waitingWhenBack = (await ledger.OfPatientAsync(patient)).Count(s => !s.IsDone);
            }
            finally
            {
                await faults.StartAsync("rabbitmq");
            }
        }

        var (answers, elapsed) = await run.SendAsync(ingestion, RabbitMqOutageAsync);
        var sessions = await ledger.WhenDoneAsync(patient, WebhookDeliveryRun.Files, AnalysisTimeout, Settle);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{answers.Count} deliveries in {elapsed.TotalSeconds:F1} s; {waitingWhenBack} sessions accepted and waiting when RabbitMQ came back"));
        AssertAnswers(run, answers);
        AssertEachAnalysedOnce(run, sessions);
        // The outage held accepted sessions back: they were analysed after it, not lost.
        Assert.True(waitingWhenBack > 0, "every session was analysed before RabbitMQ came back; the outage tested nothing");
    }

    [Fact]
    public async Task With_an_Analytics_replica_killed_during_the_run_nothing_is_lost_and_nothing_is_analysed_twice()
    {
        const string patient = "P812";
        var run = WebhookDeliveryRun.Prepare(platform.Storage, patient, firstSeed: 82_000);
        using var ingestion = platform.CreateClient("ingestion");
        Assert.Equal(2, (await faults.InstancesAsync("analytics")).Count(i => i.State == KnownResourceStates.Running));
        ResourceInstance? killed = null;
        IReadOnlyList<int> killedPids = [];
        var analysedAtKill = 0;
        IReadOnlyList<Delivery> answers;
        TimeSpan elapsed;
        IReadOnlyList<SessionEvents> sessions;
        try
        {
            var delivering = run.SendAsync(ingestion);
            // A quarter analysed: both replicas are busy and the rest is still coming.
            analysedAtKill = await AnalysedAsync(patient, atLeast: WebhookDeliveryRun.Files / 4);
            (killed, killedPids) = await faults.KillAsync("analytics");
            (answers, elapsed) = await delivering;
            sessions = await ledger.WhenDoneAsync(patient, WebhookDeliveryRun.Files, AnalysisTimeout, Settle);
        }
        finally
        {
            // Later tests expect two replicas again.
            if (killed is not null)
            {
                await faults.RestartAsync(killed.Id);
            }
        }

        Assert.Equal(2, (await faults.InstancesAsync("analytics")).Count(i => i.State == KnownResourceStates.Running));
        var byKilled = sessions.Count(s => s.Analyzers.Any(a => killedPids.Any(pid => a.EndsWith($"/{pid}", StringComparison.Ordinal))));
        output.WriteLine($"{answers.Count} deliveries in {elapsed.TotalSeconds:F1} s; killed {killed!.Id} (processes {string.Join(", ", killedPids)}) with {analysedAtKill} of 200 sessions analysed; " +
            $"it had started {byKilled} of them; {sessions.Count(s => s.Started > 1)} sessions were started again after the kill");
        AssertAnswers(run, answers);
        AssertEachAnalysedOnce(run, sessions);
        Assert.InRange(analysedAtKill, 1, WebhookDeliveryRun.Files - 1);
        Assert.True(byKilled > 0, "the killed replica had analysed nothing in this run");
    }

    private async Task<int> AnalysedAsync(string patient, int atLeast)
    {
        using var timeout = new CancellationTokenSource(AnalysisTimeout);
        while (true)
        {
            var analysed = (await ledger.OfPatientAsync(patient, timeout.Token)).Count(s => s.Analyzed > 0);
            if (analysed >= atLeast)
            {
                return analysed;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Every fresh delivery of a file names its session, one of them 202 and the rest 200 duplicate; every replay 409.</summary>
    private void AssertAnswers(WebhookDeliveryRun run, IReadOnlyList<Delivery> answers)
    {
        var tally = string.Join(", ", answers
            .GroupBy(a => (a.IsReplay ? "replay" : "fresh", (int)a.Status))
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key.Item1} {g.Key.Item2}: {g.Count()}"));
        output.WriteLine(tally);
        foreach (var unexpected in answers.Where(a => a.Problem is not null && a.Status != HttpStatusCode.Conflict).Take(3))
        {
            output.WriteLine($"{(int)unexpected.Status}: {unexpected.Problem}");
        }

        Assert.Equal("fresh 200: 600, fresh 202: 200, replay 409: 200", tally);
        foreach (var file in answers.Where(a => !a.IsReplay).GroupBy(a => a.File))
        {
            Assert.All(file, a => Assert.Equal(run.SessionIds[file.Key], a.SessionId));
            Assert.Single(file, a => a.Status == HttpStatusCode.Accepted);
            Assert.All(file.Where(a => a.Status == HttpStatusCode.OK), a => Assert.True(a.Duplicate));
        }
    }

    private static void AssertEachAnalysedOnce(WebhookDeliveryRun run, IReadOnlyList<SessionEvents> sessions)
    {
        Assert.Equal(run.SessionIds.Order(), sessions.Select(s => s.SessionId).Order());
        Assert.All(sessions, s =>
        {
            Assert.Equal(1, s.Analyzed);
            Assert.Equal(0, s.Failed);
        });
    }
}
