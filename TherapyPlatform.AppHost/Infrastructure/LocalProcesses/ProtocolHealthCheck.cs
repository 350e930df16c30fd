using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

/// <summary>
/// Healthy when the server on a loopback port answers a protocol greeting the way a ready server does.
/// An open port is not enough: PostgreSQL and RabbitMQ accept connections before they can serve them.
/// </summary>
public sealed class ProtocolHealthCheck(int port, ReadOnlyMemory<byte> greeting, Func<ReadOnlyMemory<byte>, bool> isReady, string expectation)
    : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(greeting, timeout.Token);
            var buffer = new byte[512];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return isReady(buffer.AsMemory(0, read))
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"port {port} answered, but not {expectation} yet");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"port {port}: {ex.Message}");
        }
    }

    /// <summary>Redis answers <c>PING</c> with <c>+PONG</c> once it serves commands.</summary>
    public static ProtocolHealthCheck Redis(int port) =>
        new(port, "PING\r\n"u8.ToArray(), reply => reply.Span.StartsWith("+PONG"u8), "+PONG");

    /// <summary>A booted RabbitMQ answers the AMQP 0-9-1 protocol header with a Connection.Start method frame (type 1).</summary>
    public static ProtocolHealthCheck RabbitMq(int port) =>
        new(port, "AMQP\0\0\x09\x01"u8.ToArray(), reply => reply.Length > 7 && reply.Span[0] == 1, "a Connection.Start frame");

    /// <summary>
    /// PostgreSQL answers a protocol 3.0 startup message with an authentication request ('R') once it accepts
    /// connections to the database; while starting or recovering it answers with an error ('E'). This is what
    /// <c>pg_isready</c> checks, without running a process per probe.
    /// </summary>
    public static ProtocolHealthCheck Postgres(int port, string user, string database) =>
        new(port, StartupMessage(user, database), reply => reply.Length > 0 && reply.Span[0] == (byte)'R', "an authentication request");

    private static byte[] StartupMessage(string user, string database)
    {
        var body = System.Text.Encoding.ASCII.GetBytes($"user\0{user}\0database\0{database}\0\0");
        var message = new byte[8 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(message, message.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(4), 3 << 16);
        body.CopyTo(message, 8);
        return message;
    }
}
