using TherapyPlatform.C3d;

namespace TherapyPlatform.Benchmarks.C3d;

internal static class BenchmarkFiles
{
    private const string GhostlyName = "Ghostly_Emg_20230321_17-50-17-0881.c3d";

    /// <summary>
    /// The 2.9 MB GHOSTLY file in ../shared beside the repository (BenchmarkDotNet runs from a generated folder
    /// below bin/, so the solution file is searched upwards), or null.
    /// </summary>
    public static string? GhostlyLargest()
    {
        var shared = Environment.GetEnvironmentVariable("THERAPY_SHARED_DIR");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); shared is null && dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TherapyPlatform.sln")))
            {
                shared = Path.Combine(dir.FullName, "..", "shared");
            }
        }

        var path = shared is null ? null : Path.Combine(shared, "c3d", "ghostly", GhostlyName);
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <summary>8 float channels at 2 kHz for 10 minutes (20 samples per 100 Hz frame, no points): 38.4 MB.</summary>
    public static byte[] TenMinuteRecording()
    {
        const int rate = 2000;
        const int samples = rate * 600;
        var writer = new C3dWriter { PointRate = 100, AnalogRate = rate };
        for (var c = 0; c < 8; c++)
        {
            var values = new double[samples];
            for (var i = 0; i < samples; i++)
            {
                values[i] = 0.001 * Math.Sin(2 * Math.PI * (50 + 10 * c) * i / rate);
            }

            writer.AddAnalog($"CH{c + 1} Raw", values);
        }

        return writer.ToArray();
    }
}
