using Microsoft.Extensions.Configuration;

namespace TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

/// <summary>
/// Where the local servers keep their data. A developer's AppHost reuses one folder between runs (a second start
/// finds the initialised cluster); tests pass their own fresh folder and set <see cref="Ephemeral"/>.
/// </summary>
public sealed record LocalInfrastructureOptions(string DataDirectory, bool Ephemeral)
{
    public const string DataDirectoryKey = "Infrastructure:DataDirectory";
    public const string EphemeralKey = "Infrastructure:Ephemeral";

    public static LocalInfrastructureOptions From(IConfiguration configuration)
    {
        var configured = configuration[DataDirectoryKey];
        var directory = string.IsNullOrWhiteSpace(configured) ? DefaultDataDirectory() : Path.GetFullPath(configured);
        return new LocalInfrastructureOptions(directory, configuration.GetValue<bool>(EphemeralKey));
    }

    /// <summary>
    /// The per-user data folder. Root's home is closed to the <c>postgres</c> account the server runs as,
    /// so root keeps its data under /var/lib instead.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        if (Environment.UserName == "root")
        {
            return "/var/lib/therapyplatform";
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "therapyplatform");
    }

    public string PathOf(params string[] parts) => Path.Combine([DataDirectory, .. parts]);

    /// <summary>Creates a folder (and the data root) that other local accounts may traverse.</summary>
    public string EnsureDirectory(params string[] parts)
    {
        var path = PathOf(parts);
        Directory.CreateDirectory(path);
        const UnixFileMode traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(DataDirectory, traversable);
        }

        return path;
    }
}
