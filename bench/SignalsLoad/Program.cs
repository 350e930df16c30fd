using System.Globalization;
using TherapyPlatform.Bench.SignalsLoad;

// Signals, end to end over HTTP on loopback, for the largest GHOSTLY file (see bench/README.md, "Signals"):
//   overview (warm)          whole session at the default 2000 points, again: from Signals' memory;
//   10 s window              a zoom into the decoded channels kept in memory;
//   overview (Redis)         the first overview of a session this process no longer holds: precomputed in Redis;
//   cold 10 s window         a session whose file is not in memory: file store read, decode, downsample.
// Requests are sequential, like one dashboard. Usage: SignalsLoad [requests=500] [coldSessions=30]
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var coldSessions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var largest = GhostlyFile.Largest();

// 16 MB holds about two decoded sessions of this file (8.3 MB each with both envelopes), so the cold sessions
// below evict each other; overview and window figures do not depend on the size.
await using var platform = await Platform.StartAsync(signalsMemoryMegabytes: 16);
var sessionId = await platform.AnalyzedSessionAsync(largest, GhostlyFile.LargestName);
string[] overviews = ["CH1%20Raw", "CH2%20Raw", "CH1%20activated", "CH2%20activated", "CH1%20Raw?kind=envelope", "CH2%20Raw?kind=envelope"];
var random = new Random(7);
string Window(Guid session)
{
    var from = random.Next(0, 1650) / 10.0;
    return FormattableString.Invariant($"/api/sessions/{session}/signals/CH{1 + random.Next(2)}%20Raw?from={from}&to={from + 10}");
}

var overview = new Latencies("overview (warm, memory)", 10);
var zoom = new Latencies("10 s window (memory)", 20);
var overviewFromRedis = new Latencies("overview (first request, Redis)", 10);
var cold = new Latencies("cold 10 s window (file not in memory)", 100);
var warmUp = new Latencies("warm-up, not reported", double.MaxValue);
foreach (var (overviewRun, zoomRun) in new[] { (warmUp, warmUp), (overview, zoom) })
{
    for (var i = 0; i < requests; i++)
    {
        await overviewRun.MeasureAsync(platform.Signals, $"/api/sessions/{sessionId}/signals/{overviews[i % overviews.Length]}", "memory");
        await zoomRun.MeasureAsync(platform.Signals, Window(sessionId), "memory");
    }
}

// Variants of the same file (a 512-byte block appended: same recording, another hash, so another session).
var variants = new List<Guid>();
for (var v = 1; v <= coldSessions + 2; v++)
{
    variants.Add(await platform.AnalyzedSessionAsync(GhostlyFile.Variant(largest, v), $"variant-{v}.c3d"));
}

// The two analysed last are still in memory; the others' overviews are only in Redis and their files only in the
// file store: each window request reads one cold, evicting an older one.
foreach (var variant in variants.Take(coldSessions))
{
    await overviewFromRedis.MeasureAsync(platform.Signals, $"/api/sessions/{variant}/signals/CH1%20Raw", "redis");
}

foreach (var variant in variants.Take(coldSessions))
{
    await cold.MeasureAsync(platform.Signals, $"/api/sessions/{variant}/signals/CH1%20Raw?from=80&to=90", "none");
}

Console.WriteLine($"Largest GHOSTLY file, {Environment.ProcessorCount} cores, load average {GhostlyFile.LoadAverage()}");
Console.WriteLine("| Scenario | Requests | p50 ms | p95 ms | p99 ms | max ms | target p95 ms | met |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
foreach (var scenario in new[] { overview, zoom, overviewFromRedis, cold })
{
    Console.WriteLine(scenario.Row());
}
