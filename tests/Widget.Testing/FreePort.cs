using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Widget.Testing;

/// <summary>Loopback TCP ports for servers that tests start.</summary>
public static class FreePort
{
    private const int Lowest = 10_000;
    private const int Attempts = 200;
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port below the kernel's ephemeral range that was free a moment ago. A port the kernel hands out for
    /// <c>bind(0)</c> is also the kind it gives every outgoing connection's local end (to Postgres, to a
    /// server under test), and one of those took such a port before its server could bind it. Below the
    /// range only another process choosing the same way could, and this process never hands a port out twice.
    /// </summary>
    public static int Next()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var port = Random.Shared.Next(Lowest, below);
            lock (Gate)
            {
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {below} after {Attempts} tries.");
    }

    private static bool IsFree(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range, or the usual Linux default where it cannot be read.</summary>
    private static int EphemeralRangeStart()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(Range) ? File.ReadAllText(Range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0] : "";
        return int.TryParse(first, CultureInfo.InvariantCulture, out var start) && start > Lowest + 1_000 ? start : 32_768;
    }
}
