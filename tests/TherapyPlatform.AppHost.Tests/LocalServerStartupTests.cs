using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

namespace TherapyPlatform.AppHost.Tests;

public sealed class LocalServerStartupTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("therapy-apphost-tests-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void The_configured_data_directory_wins_over_the_per_user_default()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [LocalInfrastructureOptions.DataDirectoryKey] = root.FullName,
                [LocalInfrastructureOptions.EphemeralKey] = "true",
            })
            .Build();

        var options = LocalInfrastructureOptions.From(configuration);

        Assert.Equal(root.FullName, options.DataDirectory);
        Assert.True(options.Ephemeral);
        Assert.NotEqual(root.FullName, LocalInfrastructureOptions.From(new ConfigurationBuilder().Build()).DataDirectory);
    }

    [Fact]
    public void Free_ports_are_distinct_and_bindable()
    {
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort.Next()).ToArray();

        Assert.Equal(ports.Length, ports.Distinct().Count());
        using var listener = new TcpListener(IPAddress.Loopback, ports[0]);
        listener.Start();
    }

    [Fact]
    public void The_newest_installed_postgres_major_version_is_chosen()
    {
        foreach (var version in new[] { "13", "15", "9", "notes" })
        {
            var bin = Directory.CreateDirectory(Path.Combine(root.FullName, version, "bin"));
            File.WriteAllText(Path.Combine(bin.FullName, "postgres"), "");
        }

        Assert.Equal(Path.Combine(root.FullName, "15", "bin"), PostgresBinaries.Locate(root.FullName).Directory);
        var missing = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Locate(Path.Combine(root.FullName, "none")));
        Assert.Contains("postgresql", missing.Message);
    }

    [Fact]
    public async Task Health_check_is_unhealthy_until_the_server_answers_its_protocol()
    {
        var port = FreePort.Next();
        var check = ProtocolHealthCheck.Redis(port);

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(check)).Status);

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var server = AnswerOnceAsync(listener, "-LOADING Redis is loading the dataset in memory\r\n"u8.ToArray());
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(check)).Status);
        await server;

        server = AnswerOnceAsync(listener, "+PONG\r\n"u8.ToArray());
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(check)).Status);
        await server;
    }

    [Fact]
    public async Task A_real_redis_server_started_with_the_apphost_arguments_becomes_healthy()
    {
        Skip.IfMissing("/usr/bin/redis-server");
        var port = FreePort.Next();
        using var redis = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", root.FullName])
        {
            RedirectStandardOutput = true,
        })!;
        try
        {
            var status = HealthStatus.Unhealthy;
            for (var attempt = 0; attempt < 50 && status != HealthStatus.Healthy; attempt++)
            {
                await Task.Delay(100);
                status = (await CheckAsync(ProtocolHealthCheck.Redis(port))).Status;
            }

            Assert.Equal(HealthStatus.Healthy, status);
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
        }
    }

    [Fact]
    public void A_postgres_cluster_is_initialised_once_with_its_database_and_a_stable_password()
    {
        Skip.IfMissing("/usr/lib/postgresql");
        var options = new LocalInfrastructureOptions(root.FullName, Ephemeral: true);
        var cluster = new PostgresCluster(options, ServiceAccount.ForPostgres(), PostgresBinaries.Locate(), "therapydb");
        var password = cluster.Password();

        cluster.EnsureInitialized();
        var createdAt = File.GetLastWriteTimeUtc(Path.Combine(cluster.DataDirectory, "PG_VERSION"));
        cluster.EnsureInitialized();

        Assert.True(cluster.IsInitialized);
        Assert.Equal(createdAt, File.GetLastWriteTimeUtc(Path.Combine(cluster.DataDirectory, "PG_VERSION")));
        Assert.Equal(password, cluster.Password());
        Assert.Equal(32, password.Length);
        Assert.False(File.Exists(Path.Combine(root.FullName, "postgres", "initdb.pw")));
        // The database exists before the server ever starts: single-user mode created it.
        Assert.True(Directory.EnumerateDirectories(Path.Combine(cluster.DataDirectory, "base")).Count() >= 4);
    }

    private static Task<HealthCheckResult> CheckAsync(ProtocolHealthCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("test", check, HealthStatus.Unhealthy, null),
        });

    private static async Task AnswerOnceAsync(TcpListener listener, byte[] reply)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        _ = await stream.ReadAsync(new byte[64]);
        await stream.WriteAsync(reply);
    }
}

/// <summary>These tests run the real Debian servers; the README's test command installs them.</summary>
internal static class Skip
{
    public static void IfMissing(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run the README's test command, which installs the servers.");
        }
    }
}
