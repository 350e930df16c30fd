namespace TherapyPlatform.Bench.SignalsLoad;

internal static class GhostlyFile
{
    public const string LargestName = "Ghostly_Emg_20230321_17-50-17-0881.c3d";

    /// <summary>The largest GHOSTLY file from ../shared beside the repository (or THERAPY_SHARED_DIR).</summary>
    public static byte[] Largest()
    {
        var shared = Environment.GetEnvironmentVariable("THERAPY_SHARED_DIR");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); shared is null && dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TherapyPlatform.sln")))
            {
                shared = Path.Combine(dir.FullName, "..", "shared");
            }
        }

        var path = Path.Combine(shared ?? ".", "c3d", "ghostly", LargestName);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException("The largest GHOSTLY file is needed; set THERAPY_SHARED_DIR.", path);
    }

    /// <summary>
    /// The same recording with one 512-byte block appended after the data (readers stop at the declared frames),
    /// holding <paramref name="variant"/>: another hash, so another session, with identical channels.
    /// </summary>
    public static byte[] Variant(byte[] original, int variant)
    {
        var bytes = new byte[original.Length + 512];
        original.CopyTo(bytes, 0);
        BitConverter.TryWriteBytes(bytes.AsSpan(original.Length), variant);
        return bytes;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
