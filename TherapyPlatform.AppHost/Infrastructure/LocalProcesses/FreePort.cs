using System.Net;
using System.Net.Sockets;

namespace TherapyPlatform.AppHost.Infrastructure.LocalProcesses;

/// <summary>Asks the kernel for a free loopback port (it stays free in practice until the server binds it).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
