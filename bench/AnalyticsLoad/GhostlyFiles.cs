namespace TherapyPlatform.Bench.AnalyticsLoad;

/// <summary>The real GHOSTLY recordings in <c>../shared/c3d/ghostly</c> (or <c>THERAPY_SHARED_DIR</c>).</summary>
internal static class GhostlyFiles
{
    public static IEnumerable<(string Name, byte[] Content)> All()
    {
        var folder = Path.Combine(SharedFolder(), "c3d", "ghostly");
        return Directory.GetFiles(folder, "*.c3d").Order()
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllBytes(path)));
    }

    private static string SharedFolder()
    {
        if (Environment.GetEnvironmentVariable("THERAPY_SHARED_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TherapyPlatform.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared");
            }
        }

        throw new InvalidOperationException("shared/ not found beside the repository; set THERAPY_SHARED_DIR.");
    }
}
