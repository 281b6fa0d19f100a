using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Widget.Web.Together;

/// <summary>
/// Passes cursors and pods on in batches, at most one per <see cref="TogetherOptions.CursorInterval"/> per session or
/// page room, each holding every sender's newest position: a fast mouse costs the others one message a batch,
/// however many moves it sent. A batch goes to everyone in the room, the sender's own move included. Each node
/// batches the moves of the participants connected to it, so a session on two nodes gets a batch from each. Moves that a
/// newer one replaced before the batch went are dropped on purpose.
/// </summary>
public sealed partial class CursorRelay(
    IHubContext<TogetherHub, ITogetherClient> hub,
    TimeProvider time,
    IOptions<TogetherOptions> options,
    ILogger<CursorRelay> logger)
{
    private readonly ConcurrentDictionary<string, SessionCursors> sessions = new(StringComparer.Ordinal);

    public void Offer(string sessionId, CursorMove move)
    {
        var cursors = sessions.GetOrAdd(sessionId, id => new SessionCursors(id, time.GetUtcNow()));
        if (cursors.Queue(move, time.GetUtcNow()) is { } wait)
        {
            _ = SendLaterAsync(wait, async interval =>
            {
                // One batch for everyone, each widget skipping its own move: the hub serializes it once, where a batch per
                // recipient without their own move cost one serialization and one send call each. The session's group
                // reaches its participants on every node.
                if (cursors.Take(time.GetUtcNow(), interval) is { } batch)
                {
                    await hub.Clients.Group(TogetherHub.Group(sessionId)).Cursors(batch);
                }
            });
        }
    }

    /// <summary>A participant left or the session ended (on any node): their moves waiting here go.</summary>
    public void Forget(SessionChange change)
    {
        if (change.UserId is not { } userId)
        {
            sessions.TryRemove(change.SessionId, out _);
        }
        else if (sessions.TryGetValue(change.SessionId, out var cursors))
        {
            cursors.Forget(userId);
        }
    }

    /// <summary>No connection of this node is in the session any more.</summary>
    public void Drop(string sessionId) => sessions.TryRemove(sessionId, out _);

    /// <summary>The caller's pod position; false when the connection shows nobody in the room.</summary>
    public bool OfferPod(PageRoom room, string connectionId, CursorPosition position)
    {
        var (shown, wait) = room.Queue(connectionId, position, time.GetUtcNow());
        if (wait is { } due)
        {
            _ = SendLaterAsync(due, async interval =>
            {
                if (room.Take(time.GetUtcNow(), interval) is { } batch)
                {
                    await hub.Clients.Group(room.Group).Pods(batch);
                }
            });
        }

        return shown;
    }

    // Batches are not held back until the previous one reached everyone, or one full pipe would stall the room; a
    // batch overtaken on the way is dropped by its sequence number instead.
    private async Task SendLaterAsync(TimeSpan wait, Func<TimeSpan, Task> send)
    {
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }

            await send(options.Value.CursorInterval);
        }
        catch (Exception e)
        {
            CursorsLost(logger, e);
        }
    }

    // Nothing naming the room goes to the log: a session id lets anyone knock, a page path is the visitor's.
    [LoggerMessage(LogLevel.Warning, "A batch of cursors or pods could not be sent.")]
    private static partial void CursorsLost(ILogger logger, Exception e);
}
