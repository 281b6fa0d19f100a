namespace Widget.Web.Calls;

/// <summary>A single node's rings, in its memory. An expired ring is forgotten when it is next looked up; the
/// caller's node ends every ring at its timeout anyway (<see cref="DirectRings"/>).</summary>
public sealed class LocalCallRings(TimeProvider time) : ICallRings
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (CallRing Ring, DateTimeOffset Until)> rings = [];

    public Task AddAsync(CallRing ring, TimeSpan lifetime, CancellationToken ct)
    {
        lock (gate)
        {
            rings[ring.Id] = (ring, time.GetUtcNow() + lifetime);
        }

        return Task.CompletedTask;
    }

    public Task<CallRing?> FindAsync(string id, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult(Live(id));
        }
    }

    public Task<bool> SwapAsync(CallRing current, CallRing? replacement, TimeSpan lifetime, CancellationToken ct)
    {
        lock (gate)
        {
            if (Live(current.Id) != current)
            {
                return Task.FromResult(false);
            }

            if (replacement is null)
            {
                rings.Remove(current.Id);
            }
            else
            {
                rings[current.Id] = (replacement, time.GetUtcNow() + lifetime);
            }

            return Task.FromResult(true);
        }
    }

    private CallRing? Live(string id)
    {
        if (!rings.TryGetValue(id, out var held))
        {
            return null;
        }

        if (held.Until > time.GetUtcNow())
        {
            return held.Ring;
        }

        rings.Remove(id);
        return null;
    }
}
