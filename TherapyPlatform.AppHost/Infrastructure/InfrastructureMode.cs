namespace TherapyPlatform.AppHost.Infrastructure;

/// <summary>Where Redis, PostgreSQL and RabbitMQ come from (configuration key <c>Infrastructure:Mode</c>).</summary>
public enum InfrastructureMode
{
    /// <summary>The standard Aspire container resources.</summary>
    Containers,

    /// <summary>Debian's server binaries run by the AppHost as executable resources.</summary>
    LocalProcesses,

    /// <summary>Connection strings from configuration (<c>ConnectionStrings:redis</c>, <c>therapydb</c>, <c>rabbitmq</c>).</summary>
    External,
}
