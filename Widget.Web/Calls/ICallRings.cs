namespace Widget.Web.Calls;

/// <summary>
/// Rings as every node sees them: the caller's node starts one, the callee's node answers it, and they need not be
/// the same. One node keeps them in memory, a cluster in Redis. Every change is a compare-and-swap, so a ring is
/// answered, withdrawn or timed out once, whichever comes first.
/// </summary>
public interface ICallRings
{
    Task AddAsync(CallRing ring, TimeSpan lifetime, CancellationToken ct);

    /// <summary>The ring, or null once it has ended or expired.</summary>
    Task<CallRing?> FindAsync(string id, CancellationToken ct);

    /// <summary>Replaces the ring with <paramref name="replacement"/> (or ends it, with null) if it is still <paramref name="current"/>.</summary>
    Task<bool> SwapAsync(CallRing current, CallRing? replacement, TimeSpan lifetime, CancellationToken ct);
}
