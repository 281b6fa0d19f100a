using System.Net;
using System.Net.Sockets;

namespace Widget.Testing;

/// <summary>Loopback TCP ports for servers that tests start.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the kernel just handed out. It is released again before returning, so another
    /// process could take it in between; ephemeral ports are picked round-robin, which makes that rare.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
