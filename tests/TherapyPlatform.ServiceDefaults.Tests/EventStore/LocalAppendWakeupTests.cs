using JasperFx.Events;
using Marten.Services;
using Microsoft.Extensions.Time.Testing;
using TherapyPlatform.ServiceDefaults.EventStore;
using Weasel.Storage;

namespace TherapyPlatform.ServiceDefaults.Tests.EventStore;

/// <summary>
/// The daemon's wait, on a fake clock moved forward in steps. Steps yield to let the wait react, so a wait is seen
/// ending at or after the fake time it really ended: lower bounds are exact, upper bounds keep a wide margin.
/// </summary>
public sealed class LocalAppendWakeupTests : IDisposable
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private readonly FakeTimeProvider clock = new();
    private readonly LocalAppendWakeup wakeup;

    public LocalAppendWakeupTests() => wakeup = new LocalAppendWakeup(IdlePoll, clock);

    public void Dispose() => wakeup.Dispose();

    [Fact]
    public async Task A_lone_append_ends_the_idle_wait_once_appends_have_paused()
    {
        var wait = wakeup.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        await CommitAsync(events: 1);

        var waited = await FakeTimeUntilAsync(wait);

        Assert.InRange(waited, LocalAppendWakeup.QuietPeriod, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_append_before_the_idle_wait_ends_it_too()
    {
        await CommitAsync(events: 2);

        var waited = await FakeTimeUntilAsync(wakeup.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.InRange(waited, LocalAppendWakeup.QuietPeriod, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Appends_that_keep_coming_hold_the_daemon_back_no_longer_than_the_longest_deferral()
    {
        var wait = wakeup.WaitAsync(IdlePoll, CancellationToken.None);

        var waited = await FakeTimeUntilAsync(wait, () => CommitAsync(events: 1));

        Assert.InRange(waited, LocalAppendWakeup.MaxDeferral, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_fast_poll_waits_for_appends_to_pause()
    {
        var fastPoll = TimeSpan.FromMilliseconds(250);
        var appending = TimeSpan.FromMilliseconds(500);
        var start = clock.GetUtcNow();
        var wait = wakeup.WaitAsync(fastPoll, CancellationToken.None);

        var waited = await FakeTimeUntilAsync(wait, () => clock.GetUtcNow() - start <= appending ? CommitAsync(events: 1) : Task.CompletedTask);

        Assert.InRange(waited, appending + LocalAppendWakeup.QuietPeriod, IdlePoll + LocalAppendWakeup.MaxDeferral);
    }

    [Fact]
    public async Task A_fast_poll_without_appends_ends_on_time()
    {
        var fastPoll = TimeSpan.FromMilliseconds(250);

        Assert.InRange(await FakeTimeUntilAsync(wakeup.WaitAsync(fastPoll, CancellationToken.None)), fastPoll, IdlePoll);
    }

    [Fact]
    public async Task A_commit_without_events_does_not_end_the_wait()
    {
        var wait = wakeup.WaitAsync(IdlePoll, CancellationToken.None);
        await CommitAsync(events: 0);

        Assert.True(await FakeTimeUntilAsync(wait) >= IdlePoll);
    }

    [Fact]
    public async Task A_fast_poll_is_not_cut_short_and_leaves_the_append_to_the_next_idle_wait()
    {
        var fastPoll = TimeSpan.FromMilliseconds(250);
        await CommitAsync(events: 1);

        Assert.True(await FakeTimeUntilAsync(wakeup.WaitAsync(fastPoll, CancellationToken.None)) >= fastPoll);
        Assert.True(await FakeTimeUntilAsync(wakeup.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None)) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_append_wakes_one_wait_only()
    {
        await CommitAsync(events: 1);
        await FakeTimeUntilAsync(wakeup.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.True(await FakeTimeUntilAsync(wakeup.WaitAsync(IdlePoll, CancellationToken.None)) >= IdlePoll);
    }

    [Fact]
    public async Task Stopping_the_daemon_cancels_the_wait()
    {
        using var stopping = new CancellationTokenSource();
        var wait = wakeup.WaitAsync(IdlePoll, stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private async Task<TimeSpan> FakeTimeUntilAsync(Task wait, Func<Task>? eachStep = null)
    {
        var start = clock.GetUtcNow();
        for (var step = 0; step < 2_000 && !wait.IsCompleted; step++)
        {
            if (eachStep is not null)
            {
                await eachStep();
            }

            clock.Advance(Step);
            await Task.Delay(1);
        }

        await wait.WaitAsync(TimeSpan.FromSeconds(30));
        return clock.GetUtcNow() - start;
    }

    private Task CommitAsync(int events) =>
        wakeup.AfterCommitAsync(null!, new Committed(Enumerable.Range(0, events).Select(i => (IEvent)new Event<int>(i)).ToList()), CancellationToken.None);

    private sealed class Committed(IReadOnlyList<IEvent> events) : IChangeSet
    {
        public IEnumerable<object> Updated => [];
        public IEnumerable<object> Inserted => [];
        public IEnumerable<IDeletion> Deleted => [];
        public IEnumerable<IEvent> GetEvents() => events;
        public IEnumerable<StreamAction> GetStreams() => [];
        public IChangeSet Clone() => this;
    }
}
