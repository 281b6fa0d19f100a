using Microsoft.Extensions.Options;

namespace Widget.Web.Realtime;

/// <summary>
/// The counts in this process: all a single node needs, and, with Redis, this node's share, which it keeps there
/// and falls back on while Redis is away. An address is forgotten when its last connection closes, so the
/// addresses that came and went cost nothing.
/// </summary>
public sealed class LocalHubConnectionCounter(IOptions<RealtimeOptions> options) : IHubConnectionCounter
{
    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Addresses with connections open on this node.</summary>
    public int Addresses
    {
        get
        {
            lock (gate)
            {
                return open.Count;
            }
        }
    }

    public Task<bool> TryOpenAsync(string address, CancellationToken ct) => Task.FromResult(TryOpen(address, options.Value.MaxConnectionsPerAddress));

    public Task<bool> HasRoomAsync(string address, CancellationToken ct) => Task.FromResult(Count(address) < options.Value.MaxConnectionsPerAddress);

    public Task CloseAsync(string address, CancellationToken ct)
    {
        Close(address);
        return Task.CompletedTask;
    }

    public bool TryOpen(string address, int limit)
    {
        lock (gate)
        {
            var count = open.GetValueOrDefault(address);
            if (count >= limit)
            {
                return false;
            }

            open[address] = count + 1;
            return true;
        }
    }

    public void Close(string address)
    {
        lock (gate)
        {
            if (open.TryGetValue(address, out var count))
            {
                if (count <= 1)
                {
                    open.Remove(address);
                }
                else
                {
                    open[address] = count - 1;
                }
            }
        }
    }

    public int Count(string address)
    {
        lock (gate)
        {
            return open.GetValueOrDefault(address);
        }
    }

    public KeyValuePair<string, int>[] Snapshot()
    {
        lock (gate)
        {
            return [.. open];
        }
    }
}
