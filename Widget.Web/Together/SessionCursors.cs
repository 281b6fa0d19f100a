namespace Widget.Web.Together;

/// <summary>
/// The cursor moves of one session's participants connected to this node, waiting for the node's next batch to the
/// session. Its content is only ever passed on, never kept: the newest cursor per person (and their newest click)
/// until it is sent.
/// </summary>
public sealed class SessionCursors(string sessionId, DateTimeOffset now)
{
    private readonly Lock gate = new();
    private readonly CursorQueue<CursorMove> cursors = new(now);

    /// <summary>Keeps the move for the next batch (see <see cref="CursorQueue{T}.Queue"/>).</summary>
    public TimeSpan? Queue(CursorMove move, DateTimeOffset now)
    {
        lock (gate)
        {
            return cursors.Queue(move, now);
        }
    }

    /// <summary>The moves queued since the last batch, or null when none (see <see cref="CursorQueue{T}.Take"/>).</summary>
    public CursorBatch? Take(DateTimeOffset now, TimeSpan interval)
    {
        lock (gate)
        {
            return cursors.Take(now, interval) is var (sequence, moves) ? new CursorBatch(sessionId, sequence, moves) : null;
        }
    }

    /// <summary>Drops what a participant who left still had waiting.</summary>
    public void Forget(long userId)
    {
        lock (gate)
        {
            cursors.Forget(userId);
        }
    }
}
