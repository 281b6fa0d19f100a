namespace Widget.Web.Together;

/// <summary>One sender's mouse as a session cursor or a page pod: whose it is and where.</summary>
public interface ICursorMove
{
    long UserId { get; }

    CursorPosition Position { get; }
}

/// <summary>
/// The moves waiting for a room's next batch, whether the room is a session or a page: the newest per sender, and
/// their newest click kept apart, so a move right after it does not replace it. At most one batch per interval goes
/// out, numbered by the time it leaves in milliseconds (one more than the last when the clock has not moved on), so a
/// widget can drop one that overtook a later one on the way, and batches of one session that leave from two nodes
/// still come in the order they left in. Callers hold their own lock.
/// </summary>
public sealed class CursorQueue<T>(DateTimeOffset now)
    where T : ICursorMove
{
    private readonly Dictionary<long, T> pendingCursors = [];
    private readonly Dictionary<long, T> pendingClicks = [];
    private bool flushScheduled;
    private long sequence;
    private DateTimeOffset nextFlushAt = now;

    /// <summary>Keeps the move; returns how long to wait before sending when this move opens a batch, or null when one is already due.</summary>
    public TimeSpan? Queue(T move, DateTimeOffset now)
    {
        if (move.Position.Click)
        {
            pendingClicks[move.UserId] = move;
            pendingCursors.Remove(move.UserId);
        }
        else
        {
            pendingCursors[move.UserId] = move;
        }

        if (flushScheduled)
        {
            return null;
        }

        flushScheduled = true;
        return nextFlushAt > now ? nextFlushAt - now : TimeSpan.Zero;
    }

    /// <summary>The moves queued since the last batch with the batch's number, or null when none; the next may go no sooner than <paramref name="interval"/> from now.</summary>
    public (long Sequence, T[] Moves)? Take(DateTimeOffset now, TimeSpan interval)
    {
        flushScheduled = false;
        nextFlushAt = now + interval;
        if (pendingCursors.Count == 0 && pendingClicks.Count == 0)
        {
            return null;
        }

        T[] moves = [.. pendingClicks.Values, .. pendingCursors.Values];
        pendingClicks.Clear();
        pendingCursors.Clear();
        sequence = Math.Max(sequence + 1, now.ToUnixTimeMilliseconds());
        return (sequence, moves);
    }

    /// <summary>Drops what a sender who left still had waiting.</summary>
    public void Forget(long userId)
    {
        pendingCursors.Remove(userId);
        pendingClicks.Remove(userId);
    }
}
