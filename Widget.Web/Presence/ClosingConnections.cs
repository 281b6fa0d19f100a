using System.Diagnostics.CodeAnalysis;
using Widget.Core.Presence;

namespace Widget.Web.Presence;

/// <summary>Entries of closed connections waiting out their grace period, in due order (the period is the same for all).</summary>
/// <remarks>
/// Not a <see cref="System.Collections.Concurrent.ConcurrentQueue{T}"/>: peeking at one marks its current segment so
/// that the items dequeued from it are never cleared. After a burst of closings the segment is as large as the burst,
/// and the entries of that many closed connections stayed alive until later closings filled it: on a quiet node, never.
/// </remarks>
internal sealed class ClosingConnections
{
    private readonly Queue<(DateTimeOffset Due, PresenceConnection Entry)> queue = new();
    private readonly Lock gate = new();

    public void Add(DateTimeOffset due, PresenceConnection entry)
    {
        lock (gate)
        {
            queue.Enqueue((due, entry));
        }
    }

    public bool TryTakeDue(DateTimeOffset now, [NotNullWhen(true)] out PresenceConnection? entry)
    {
        lock (gate)
        {
            if (queue.TryPeek(out var next) && next.Due <= now)
            {
                queue.Dequeue();
                entry = next.Entry;
                return true;
            }
        }

        entry = null;
        return false;
    }
}
