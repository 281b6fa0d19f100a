using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Widget.Web.Together;

/// <summary>
/// Passes cursors on in batches, at most one per <see cref="TogetherOptions.CursorInterval"/> per session, each
/// holding every sender's newest position: a fast mouse costs the others one message a batch, however many
/// moves it sent. A batch goes to every member, the sender's own move included. Moves that a newer one replaced before the batch went are dropped on purpose.
/// </summary>
public sealed partial class CursorRelay(
    IHubContext<TogetherHub, ITogetherClient> hub,
    TimeProvider time,
    IOptions<TogetherOptions> options,
    ILogger<CursorRelay> logger)
{
    public void Offer(TogetherSession session, CursorMove move)
    {
        if (session.QueueCursor(move, time.GetUtcNow()) is { } wait)
        {
            _ = SendLaterAsync(session, wait);
        }
    }

    private async Task SendLaterAsync(TogetherSession session, TimeSpan wait)
    {
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }

            // One batch for everyone, each widget skipping its own move: the hub serializes it once, where a batch per
            // recipient without their own move cost one serialization and one send call each. Batches are not held
            // back until the previous one reached every member, or one member's full pipe would stall the session;
            // a batch overtaken on the way is dropped by its sequence number instead.
            if (session.TakeCursors(time.GetUtcNow(), options.Value.CursorInterval) is { } batch)
            {
                await hub.Clients.Clients([.. session.Members().Select(m => m.ConnectionId)]).Cursors(batch);
            }
        }
        catch (Exception e)
        {
            CursorsLost(logger, session.Id.Length, e);
        }
    }

    // The session id lets anyone knock, so it stays out of the log; its length says the batch was real.
    [LoggerMessage(LogLevel.Warning, "A batch of cursors for a session (id of {IdLength} characters) could not be sent.")]
    private static partial void CursorsLost(ILogger logger, int idLength, Exception e);
}
