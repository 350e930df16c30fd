using System.Diagnostics;
using TherapyPlatform.Signals.Caching;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Telemetry;
using TherapyPlatform.Signals.Tests.Support;

namespace TherapyPlatform.Signals.Tests.Caching;

public sealed class SignalsMemoryCacheTests
{
    [Fact]
    public async Task Concurrent_misses_share_one_load()
    {
        var cache = NewCache(64);
        var loads = 0;
        var gate = new TaskCompletionSource();

        var waiting = Enumerable.Range(0, 10).Select(_ => cache.GetOrLoadAsync(
            "recording", "recording:a", async () =>
            {
                Interlocked.Increment(ref loads);
                await gate.Task;
                return new byte[10];
            }, _ => 10, null, CancellationToken.None)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(waiting);

        Assert.Equal(1, loads);
        Assert.All(results, r => Assert.Same(results[0].Value, r.Value));
        Assert.True((await cache.GetOrLoadAsync<byte[]>("recording", "recording:a", () => throw new InvalidOperationException(), _ => 10, null, CancellationToken.None)).Hit);
    }

    [Fact]
    public async Task Nothing_is_stored_for_a_null_load_or_a_failed_one()
    {
        var cache = NewCache(64);

        var missing = await cache.GetOrLoadAsync("recording", "k", () => Task.FromResult<byte[]?>(null), _ => 1, null, CancellationToken.None);
        await Assert.ThrowsAsync<FormatException>(() => cache.GetOrLoadAsync<byte[]>("recording", "j", () => throw new FormatException(), _ => 1, null, CancellationToken.None));
        var loaded = await cache.GetOrLoadAsync("recording", "j", () => Task.FromResult<byte[]?>([1]), _ => 1, null, CancellationToken.None);

        Assert.Null(missing.Value);
        Assert.False(loaded.Hit);
        Assert.Equal([1], loaded.Value);
    }

    [Fact]
    public async Task Every_lookup_is_a_span_with_layer_key_and_hit()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SignalsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var cache = NewCache(8);
        var key = $"metadata:{Guid.NewGuid()}";

        await cache.GetOrLoadAsync("metadata", key, () => Task.FromResult<string?>("m"), _ => 1, null, CancellationToken.None);
        await cache.GetOrLoadAsync("metadata", key, () => Task.FromResult<string?>("m"), _ => 1, null, CancellationToken.None);

        var lookups = spans.Where(s => (string?)s.GetTagItem("cache.key") == key).ToList();
        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, s => Assert.Equal(CacheLayers.Memory, s.GetTagItem("cache.layer")));
        Assert.Equal([false, true], lookups.Select(s => (bool)s.GetTagItem("cache.hit")!));
    }

    private static SignalsMemoryCache NewCache(int megabytes) =>
        new(Microsoft.Extensions.Options.Options.Create(new SignalsOptions { MemoryCacheMegabytes = megabytes }), TimeProvider.System);
}
