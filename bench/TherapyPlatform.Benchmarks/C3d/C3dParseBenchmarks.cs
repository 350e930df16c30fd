using BenchmarkDotNet.Attributes;
using TherapyPlatform.C3d;

namespace TherapyPlatform.Benchmarks.C3d;

/// <summary>
/// Parse time and allocation of <see cref="C3dFile.Read(ReadOnlySpan{byte})"/> from bytes already in memory:
/// the largest GHOSTLY recording (2.9 MB, when ../shared is present) and a generated 10-minute, 8-channel,
/// 2 kHz float recording (38.4 MB). Goal for the former: at most 5 ms and at most twice the file size allocated.
/// </summary>
[MemoryDiagnoser]
public class C3dParseBenchmarks
{
    public const string Ghostly = "ghostly-2.9MB";
    public const string TenMinutes = "generated-10min-8ch-2kHz";

    private byte[] file = [];

    [ParamsSource(nameof(Recordings))]
    public string Recording { get; set; } = TenMinutes;

    public static IEnumerable<string> Recordings() =>
        BenchmarkFiles.GhostlyLargest() is null ? [TenMinutes] : [Ghostly, TenMinutes];

    [GlobalSetup]
    public void Setup() => file = Recording == Ghostly
        ? File.ReadAllBytes(BenchmarkFiles.GhostlyLargest()!)
        : BenchmarkFiles.TenMinuteRecording();

    [Benchmark]
    public C3dFile Parse() => C3dFile.Read(file);
}
