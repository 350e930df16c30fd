using System.Net;
using System.Net.Sockets;

namespace TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

/// <summary>
/// Asks the kernel for a free loopback port (it stays free in practice until the server binds it). The kernel may
/// hand a port it just gave back again before anything binds it (seen in CI: RabbitMQ's three ports asked one after
/// the other), so a port is handed out once per process.
/// </summary>
public static class FreePort
{
    private const int MaxAttempts = 100;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No loopback port that was not already handed out in {MaxAttempts} attempts.");
    }
}
