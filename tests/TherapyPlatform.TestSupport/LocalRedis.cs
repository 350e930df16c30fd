using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Xunit;

namespace TherapyPlatform.TestSupport;

/// <summary>
/// A throw-away redis-server on a free loopback port, no persistence, for the tests of the Redis caches (their Lua
/// scripts and pub/sub must run on a real server). Tests using it are skipped where redis-server is not installed.
/// </summary>
public sealed class LocalRedis : IAsyncLifetime
{
    private Process? server;

    public static bool IsInstalled => FindServer() is not null;

    public IConnectionMultiplexer? Connection { get; private set; }

    public int Port { get; } = FreePort();

    public async Task InitializeAsync()
    {
        if (FindServer() is not { } executable)
        {
            return;
        }

        server = Process.Start(new ProcessStartInfo(executable, $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        });
        var options = ConfigurationOptions.Parse($"127.0.0.1:{Port},abortConnect=false,connectRetry=20");
        options.BacklogPolicy = BacklogPolicy.FailFast;
        Connection = await ConnectionMultiplexer.ConnectAsync(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Connection.IsConnected)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Stops the server, for the tests of Redis being down.</summary>
    public void Stop()
    {
        if (server is { HasExited: false })
        {
            server.Kill();
            server.WaitForExit(5000);
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        Stop();
        server?.Dispose();
    }

    private static string? FindServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A fact that needs redis-server; skipped where it is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!LocalRedis.IsInstalled)
        {
            Skip = "redis-server is not installed";
        }
    }
}
