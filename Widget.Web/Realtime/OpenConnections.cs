namespace Widget.Web.Realtime;

/// <summary>
/// The hub connections open on this node, and the most that were open at once since the last look: a crowd that
/// came and went between two looks still counts.
/// </summary>
public sealed class OpenConnections
{
    private long open;
    private long peak;

    public long Now => Interlocked.Read(ref open);

    public void Opened()
    {
        var now = Interlocked.Increment(ref open);
        var seen = Interlocked.Read(ref peak);
        while (now > seen)
        {
            var was = Interlocked.CompareExchange(ref peak, now, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    public void Closed() => Interlocked.Decrement(ref open);

    /// <summary>The most open at once since the last call; the next span starts from those open now.</summary>
    public long TakePeak() => Math.Max(Interlocked.Exchange(ref peak, Now), Now);
}
