namespace TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

/// <summary>
/// A server binary run by the AppHost (no container) that exposes a connection string, so services use
/// <c>WithReference</c>/<c>WaitFor</c> exactly as with the container integrations. The port is chosen
/// before start, so the connection string is a literal.
/// </summary>
public sealed class LocalServerResource(string name, string command, string workingDirectory, int port, string connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public ReferenceExpression ConnectionStringExpression { get; } = Literal(connectionString);

    private static ReferenceExpression Literal(string value)
    {
        var builder = new ReferenceExpressionBuilder();
        builder.AppendLiteral(value);
        return builder.Build();
    }
}
