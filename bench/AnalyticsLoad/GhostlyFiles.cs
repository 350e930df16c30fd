using TherapyPlatform.TestSupport;

namespace TherapyPlatform.Bench.AnalyticsLoad;

/// <summary>The real GHOSTLY recordings in <c>../shared/c3d/ghostly</c> (or <c>THERAPY_SHARED_DIR</c>).</summary>
internal static class GhostlyFiles
{
    public static IEnumerable<(string Name, byte[] Content)> All() =>
        Directory.GetFiles(SharedData.PathOf("c3d", "ghostly"), "*.c3d").Order()
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path)));
}
