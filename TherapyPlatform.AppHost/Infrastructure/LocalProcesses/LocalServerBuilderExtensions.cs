using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

/// <summary>
/// Runs Debian's redis-server, PostgreSQL and rabbitmq-server as executable resources bound to 127.0.0.1 on
/// free ports. The orchestrator owns each process, so all of them stop with the AppHost.
/// </summary>
public static class LocalServerBuilderExtensions
{
    public static IResourceBuilder<LocalServerResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        var port = FreePort.Next();
        var directory = options.EnsureDirectory("redis");
        // A read cache: nothing to persist between runs.
        return builder.AddLocalServer(new LocalServerResource(name, "redis-server", directory, port, $"127.0.0.1:{port}"),
                ProtocolHealthCheck.Redis(port))
            .WithArgs("--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory);
    }

    public static IResourceBuilder<LocalServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string database, LocalInfrastructureOptions options)
    {
        var port = FreePort.Next();
        var account = ServiceAccount.ForPostgres();
        var binaries = PostgresBinaries.Locate();
        var cluster = new PostgresCluster(options, account, binaries, database);
        var password = cluster.Password();
        var (command, args) = account.Wrap(binaries.Server, [
            "-D", cluster.DataDirectory, "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300",
            "-c", options.Ephemeral ? "fsync=off" : "fsync=on",
        ]);
        var resource = new LocalServerResource(name, command, options.DataDirectory, port,
            $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database={database}");
        var server = builder.AddLocalServer(resource, ProtocolHealthCheck.Postgres(port, "postgres", database))
            .WithArgs(args);
        // initdb on first start only: a developer's second start finds the cluster and comes up in seconds.
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, (e, _) =>
        {
            try
            {
                cluster.EnsureInitialized();
            }
            catch (InvalidOperationException ex)
            {
                var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TherapyPlatform.AppHost");
                InfrastructureLog.PostgresInitFailed(logger, cluster.DataDirectory, ex);
                throw;
            }

            return Task.CompletedTask;
        });
        return server;
    }

    public static IResourceBuilder<LocalServerResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        var port = FreePort.Next();
        var distributionPort = FreePort.Next();
        var epmdPort = FreePort.Next();
        var home = options.EnsureDirectory("rabbitmq", "home");
        var config = options.EnsureDirectory("rabbitmq", "config");
        File.WriteAllText(Path.Combine(config, "enabled_plugins"), "[].");
        // Development and test data only; the default 50 MB disk alarm would block publishers on a full disk anyway.
        File.WriteAllText(Path.Combine(config, "rabbitmq.conf"), "disk_free_limit.absolute = 50MB\n");
        File.WriteAllText(Path.Combine(config, "rabbitmq-env.conf"), "");

        // Erlang would daemonise its own epmd, which outlives everything: run it in the foreground as a resource.
        var epmd = builder.AddExecutable($"{name}-epmd", "epmd", home, "-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1");

        var resource = new LocalServerResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", home, port,
            $"amqp://guest:guest@127.0.0.1:{port}");
        var nodeName = $"rabbit{port}@localhost";
        return builder.AddLocalServer(resource, ProtocolHealthCheck.RabbitMq(port))
            .WithEnvironment("HOME", home)
            .WithEnvironment("RABBITMQ_NODENAME", nodeName)
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", port.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_DIST_PORT", distributionPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", options.EnsureDirectory("rabbitmq", "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", options.EnsureDirectory("rabbitmq", "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(config, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(config, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(config, "rabbitmq-env.conf"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(home, "rabbitmq.pid"))
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            // Makes the start script exec the Erlang VM instead of waiting on it from a shell, so the
            // orchestrator's stop signal reaches the broker itself.
            .WithEnvironment("RUNNING_UNDER_SYSTEMD", "true")
            .WaitFor(epmd);
    }

    private static IResourceBuilder<LocalServerResource> AddLocalServer(
        this IDistributedApplicationBuilder builder, LocalServerResource resource, ProtocolHealthCheck check)
    {
        var healthCheckKey = $"{resource.Name}-ready";
        builder.Services.AddHealthChecks().AddCheck(healthCheckKey, check);
        return builder.AddResource(resource)
            .WithEndpoint(name: "tcp", port: resource.Port, targetPort: resource.Port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthCheckKey);
    }

    internal static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
