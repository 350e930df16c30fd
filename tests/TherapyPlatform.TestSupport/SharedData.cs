using Xunit;

namespace TherapyPlatform.TestSupport;

/// <summary>
/// Locates the read-only <c>shared/</c> folder that sits beside the repository (CI has it, a fresh
/// clone elsewhere may not). Tests that need it use <see cref="SharedDataFactAttribute"/> so they are
/// skipped, not failed, where it is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The shared folder, or null when it is not beside the repository.</summary>
    public static string? Directory => Root.Value;

    public static bool IsAvailable => Root.Value is not null;

    /// <summary>A path inside the shared folder; throws when the folder is missing.</summary>
    public static string PathOf(params string[] parts) =>
        Path.Combine([Root.Value ?? throw new InvalidOperationException("shared/ is not available"), .. parts]);

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("THERAPY_SHARED_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TherapyPlatform.sln")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared");
                return System.IO.Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs <c>../shared/</c>; skipped where the folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = "../shared/ is not beside the repository";
        }
    }
}

/// <summary>A theory that needs <c>../shared/</c>; skipped where the folder is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = "../shared/ is not beside the repository";
        }
    }
}
