using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

namespace TherapyPlatform.AppHost.Infrastructure;

/// <summary>
/// The platform's three servers, whichever mode provides them. Services reference them by connection name
/// (<see cref="RedisName"/>, <see cref="DatabaseName"/>, <see cref="MessagingName"/>), so switching modes changes no
/// service code.
/// </summary>
public sealed record TherapyInfrastructure(
    InfrastructureChoice Choice,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Messaging)
{
    public const string RedisName = "redis";
    public const string PostgresName = "postgres";
    public const string DatabaseName = "therapydb";
    public const string MessagingName = "rabbitmq";
}

internal static partial class InfrastructureLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Infrastructure mode {Mode} ({Reason})")]
    public static partial void ModeChosen(ILogger logger, InfrastructureMode mode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not initialise the PostgreSQL cluster in {DataDirectory}")]
    public static partial void PostgresInitFailed(ILogger logger, string dataDirectory, Exception exception);
}

public static class TherapyInfrastructureExtensions
{
    public static TherapyInfrastructure AddTherapyInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var choice = InfrastructureModeSelector.Select(
            builder.Configuration[InfrastructureModeSelector.ConfigurationKey], () => ContainerRuntimeProbe.Answers());
        var infrastructure = choice.Mode switch
        {
            InfrastructureMode.Containers => AddContainers(builder, choice),
            InfrastructureMode.LocalProcesses => AddLocalProcesses(builder, choice),
            InfrastructureMode.External => AddExternal(builder, choice),
            _ => throw new InvalidOperationException($"Unknown infrastructure mode {choice.Mode}."),
        };

        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TherapyPlatform.AppHost");
            InfrastructureLog.ModeChosen(logger, choice.Mode, choice.Reason);
            return Task.CompletedTask;
        });
        return infrastructure;
    }

    /// <summary>Adds a reference to one of the servers and waits until it is healthy.</summary>
    public static IResourceBuilder<T> WithInfrastructure<T>(
        this IResourceBuilder<T> service, IResourceBuilder<IResourceWithConnectionString> server, string connectionName)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport =>
        service.WithReference(server, connectionName).WaitFor(server);

    private static TherapyInfrastructure AddContainers(IDistributedApplicationBuilder builder, InfrastructureChoice choice) =>
        new(choice,
            Upcast(builder.AddRedis(TherapyInfrastructure.RedisName)),
            Upcast(builder.AddPostgres(TherapyInfrastructure.PostgresName).AddDatabase(TherapyInfrastructure.DatabaseName)),
            Upcast(builder.AddRabbitMQ(TherapyInfrastructure.MessagingName)));

    private static TherapyInfrastructure AddLocalProcesses(IDistributedApplicationBuilder builder, InfrastructureChoice choice)
    {
        var options = LocalInfrastructureOptions.From(builder.Configuration);
        return new(choice,
            Upcast(builder.AddLocalRedis(TherapyInfrastructure.RedisName, options)),
            Upcast(builder.AddLocalPostgres(TherapyInfrastructure.PostgresName, TherapyInfrastructure.DatabaseName, options)),
            Upcast(builder.AddLocalRabbitMq(TherapyInfrastructure.MessagingName, options)));
    }

    private static TherapyInfrastructure AddExternal(IDistributedApplicationBuilder builder, InfrastructureChoice choice) =>
        new(choice,
            builder.AddConnectionString(TherapyInfrastructure.RedisName),
            builder.AddConnectionString(TherapyInfrastructure.DatabaseName),
            builder.AddConnectionString(TherapyInfrastructure.MessagingName));

    private static IResourceBuilder<IResourceWithConnectionString> Upcast<T>(IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString =>
        builder.ApplicationBuilder.CreateResourceBuilder<IResourceWithConnectionString>(builder.Resource);
}
