namespace TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

/// <summary>Debian's PostgreSQL server binaries (the newest installed major version).</summary>
public sealed record PostgresBinaries(string Directory)
{
    public string Server => Path.Combine(Directory, "postgres");
    public string InitDb => Path.Combine(Directory, "initdb");

    public static PostgresBinaries Locate(string root = "/usr/lib/postgresql")
    {
        var newest = System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root)
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Directory, "bin", "postgres")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Directory, "bin"))
                .FirstOrDefault()
            : null;
        return new PostgresBinaries(newest ?? throw new InvalidOperationException(
            $"No PostgreSQL server under {root}. Install Debian's 'postgresql' package, or set Infrastructure:Mode."));
    }
}

/// <summary>
/// The local PostgreSQL cluster: created with initdb on first start (password authentication over TCP), with the
/// application database created in single-user mode so it exists before the first client connects.
/// </summary>
public sealed class PostgresCluster(LocalInfrastructureOptions options, ServiceAccount account, PostgresBinaries binaries, string database)
{
    public string DataDirectory => options.PathOf("postgres", "data");

    private string PasswordFile => options.PathOf("postgres", "password");

    /// <summary>The superuser password, generated once and kept beside the cluster it belongs to.</summary>
    public string Password()
    {
        options.EnsureDirectory("postgres");
        if (!File.Exists(PasswordFile))
        {
            File.WriteAllText(PasswordFile, LocalServerBuilderExtensions.NewPassword());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(PasswordFile).Trim();
    }

    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public void EnsureInitialized()
    {
        if (IsInitialized)
        {
            return;
        }

        var parent = options.EnsureDirectory("postgres");
        if (Directory.Exists(DataDirectory))
        {
            // A half-made cluster from an interrupted first start: initdb refuses a non-empty folder.
            Directory.Delete(DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(DataDirectory);
        var passwordForInitDb = Path.Combine(parent, "initdb.pw");
        File.WriteAllText(passwordForInitDb, Password());
        try
        {
            account.Own(DataDirectory);
            account.Own(passwordForInitDb);
            account.Run(binaries.InitDb, [
                "-D", DataDirectory, "-U", "postgres", "-E", "UTF8", "--no-locale",
                "--auth-host=scram-sha-256", "--auth-local=peer", $"--pwfile={passwordForInitDb}",
            ]);
        }
        finally
        {
            File.Delete(passwordForInitDb);
        }

        account.Run(binaries.Server, ["--single", "-D", DataDirectory, "postgres"], $"CREATE DATABASE \"{database}\";\n");
    }
}
