using System.Net;
using System.Net.Sockets;

namespace Widget.Bench.Net;

/// <summary>
/// Every connection the generator makes goes through here: to a loopback address only, from a chosen
/// loopback source address, so tens of thousands of client sockets do not share one address's
/// ephemeral ports. Anything but loopback is refused before a packet leaves.
/// </summary>
public static class Loopback
{
    /// <summary>"127.0.0.2,127.0.0.3" or a range "127.0.0.2-127.0.0.9".</summary>
    public static IReadOnlyList<IPAddress> ParseSources(string spec)
    {
        var sources = new List<IPAddress>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-');
            var first = RequireLoopback(IPAddress.Parse(range[0]));
            var last = range.Length > 1 ? RequireLoopback(IPAddress.Parse(range[1])) : first;
            var a = first.GetAddressBytes();
            var b = last.GetAddressBytes();
            if (a[0] != b[0] || a[1] != b[1] || a[2] != b[2] || a[3] > b[3])
            {
                throw new ArgumentException($"source range '{part}' must vary in its last byte only");
            }

            for (int x = a[3]; x <= b[3]; x++)
            {
                sources.Add(new IPAddress([a[0], a[1], a[2], (byte)x]));
            }
        }

        return sources.Count > 0 ? sources : throw new ArgumentException("no source address given");
    }

    /// <summary>A handler whose connections come from <paramref name="sources"/> in turn.</summary>
    public static SocketsHttpHandler Handler(IReadOnlyList<IPAddress> sources, CookieContainer? cookies = null)
    {
        var turn = -1;
        return new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = async (context, ct) =>
            {
                var source = sources[(int)((uint)Interlocked.Increment(ref turn) % (uint)sources.Count)];
                return await ConnectAsync(source, Target(context.DnsEndPoint), ct);
            },
        };
    }

    public static IPAddress RequireLoopback(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && IPAddress.IsLoopback(address)
            ? address
            : throw new ArgumentException($"{address} is not an IPv4 loopback address; the bench talks to loopback only");

    private static IPEndPoint Target(DnsEndPoint endPoint)
    {
        if (string.Equals(endPoint.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, endPoint.Port);
        }

        return IPAddress.TryParse(endPoint.Host, out var address)
            ? new IPEndPoint(RequireLoopback(address), endPoint.Port)
            : throw new ArgumentException($"{endPoint.Host} is not loopback; the bench talks to loopback only");
    }

    private static async ValueTask<Stream> ConnectAsync(IPAddress source, IPEndPoint target, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(target, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
