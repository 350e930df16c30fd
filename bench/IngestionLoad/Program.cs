using System.Globalization;
using TherapyPlatform.Bench.IngestionLoad;

// Ingestion and the session pipeline under load, on the platform from the AppHost in LocalProcesses mode on loopback
// (bench/README.md, "Ingestion" and "Reliability and load"):
//   IngestionLoad [ack] [files=100] [seconds-per-file=12]  ack latency of sequential uploads, then the time to analyse them
//   IngestionLoad ramp [step-seconds=10]                   sustained uploads/s: open-loop ramp until an error or p99 ack > 100 ms
//   IngestionLoad drain [files=300] [seconds-per-file=12]  analyses/s of the two Analytics replicas on a queued backlog
//   IngestionLoad fuzz [count=10000]                       mutated C3D uploads: 400 or Analyzed/Failed with a reason, no crash
//   IngestionLoad first [files=3]                          the first uploads after start: ack, each pipeline step, first read
//   IngestionLoad reliability                              ramp, drain (300 x 12 s and 200 x 175 s files) and fuzz, one start
// Exits 1 when a scenario's rule is broken.
var mode = args is [var first, ..] && !char.IsAsciiDigit(first[0]) ? first : "ack";
var rest = args.SkipWhile(a => a == mode).ToArray();
int Int(int index, int fallback) => rest.Length > index ? int.Parse(rest[index], CultureInfo.InvariantCulture) : fallback;
double Double(int index, double fallback) => rest.Length > index ? double.Parse(rest[index], CultureInfo.InvariantCulture) : fallback;

await using var platform = await Platform.StartAsync();
var ok = mode switch
{
    "ack" => await AckLatency.RunAsync(platform, Int(0, 100), Double(1, 12)),
    "ramp" => await UploadRamp.RunAsync(platform, Int(0, 10)),
    "drain" => await DrainAsync(Int(0, 300), Double(1, 12)),
    "fuzz" => await FuzzedUploads.RunAsync(platform, Int(0, 10_000)),
    "first" => await FirstUploads.RunAsync(platform, Int(0, 3)),
    "reliability" => await UploadRamp.RunAsync(platform, 10)
        & await DrainAsync(300, 12)
        & await AnalysisDrain.RunAsync(platform, 200, 175, firstSeed: 5_000_000)
        & await FuzzedUploads.RunAsync(platform, 10_000),
    _ => throw new ArgumentException($"unknown mode '{mode}': ack, ramp, drain, fuzz, first or reliability"),
};
return ok ? 0 : 1;

async Task<bool> DrainAsync(int files, double seconds)
{
    Console.WriteLine();
    AnalysisDrain.Header();
    return await AnalysisDrain.RunAsync(platform, files, seconds);
}
