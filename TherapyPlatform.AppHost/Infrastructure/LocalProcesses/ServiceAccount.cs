using System.Diagnostics;

namespace TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

/// <summary>
/// PostgreSQL refuses to run as root, so when the AppHost is root the server runs as the <c>postgres</c>
/// account that Debian's package creates; otherwise as the current user.
/// </summary>
public sealed record ServiceAccount(string? UserName)
{
    public static ServiceAccount ForPostgres() =>
        new(Environment.UserName == "root" ? "postgres" : null);

    public bool SwitchesUser => UserName is not null;

    /// <summary>The command line that runs <paramref name="executable"/> under this account.</summary>
    public (string Command, string[] Args) Wrap(string executable, params string[] args) =>
        UserName is null
            ? (executable, args)
            : ("setpriv", [$"--reuid={UserName}", $"--regid={UserName}", "--init-groups", "--", executable, .. args]);

    /// <summary>Gives the account a folder it must own (PostgreSQL checks the owner of its data folder).</summary>
    public void Own(string path)
    {
        if (UserName is not null)
        {
            Execute("chown", ["-R", $"{UserName}:{UserName}", path], standardInput: null);
        }
    }

    /// <summary>Runs a short command to completion under this account, failing with its output.</summary>
    public void Run(string executable, string[] args, string? standardInput = null)
    {
        var (command, wrapped) = Wrap(executable, args);
        Execute(command, wrapped, standardInput);
    }

    private static void Execute(string command, IEnumerable<string> args, string? standardInput)
    {
        var info = new ProcessStartInfo(command, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {command}.");
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command} {string.Join(' ', args)} did not finish within 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{command} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}
