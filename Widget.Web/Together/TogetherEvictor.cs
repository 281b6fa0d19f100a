using Microsoft.AspNetCore.SignalR;
using Widget.Core.Tags;
using Widget.Web.Realtime;

namespace Widget.Web.Together;

/// <summary>
/// Takes a user banned in a channel out of the browsing sessions there: the door keeps them from knocking or coming
/// back, and this ends what they already see and any knock still waiting. A session whose creator is banned ends for
/// everyone, as nobody else may admit or remove. Their pods go from the site's pages too. Each node is told as calls
/// are (<see cref="Calls.CallEvictor"/>) and looks at the sessions it has connections in; a session on two nodes is
/// changed by whichever comes first, the store seeing to it that it happens once. Nothing here is awaited by the
/// caller, so a moderator never waits on a slow widget.
/// </summary>
public sealed partial class TogetherEvictor(
    TogetherSessions sessions, SessionExits exits, PageRooms rooms, IHubContext<TogetherHub, ITogetherClient> hub,
    ILogger<TogetherEvictor> logger)
{
    public void Evict(string tag, long userId)
    {
        foreach (var room in rooms.In(tag).Where(r => r.HideUser(userId)))
        {
            Tell(tag, hub.Clients.Group(room.Group).PodGone(userId));
        }

        Tell(tag, EvictAsync(tag, userId));
    }

    private async Task EvictAsync(string tag, long userId)
    {
        foreach (var sessionId in sessions.HeldHere())
        {
            var view = await sessions.ViewAsync(sessionId, CancellationToken.None);
            if (view is null || !SameChannel(view.Tag, tag))
            {
                continue;
            }

            if (view.CreatorId == userId)
            {
                await exits.EndAsync(sessionId, CancellationToken.None);
                continue;
            }

            // Knocking still: the creator could otherwise let them in past the door.
            if (await sessions.ChangeAsync(sessionId, s => s.Decline(userId), CancellationToken.None) is { } knocking)
            {
                await hub.Clients.Client(knocking).Declined(sessionId);
            }

            await exits.RemoveAsync(sessionId, userId, tell: true, CancellationToken.None);
        }
    }

    // A session keeps its tag as the creator typed it; an eviction names the channel normalised.
    private static bool SameChannel(string sessionTag, string tag) =>
        Tag.TryParse(sessionTag, out var parsed) && Tag.TryParse(tag, out var other) && parsed.Value.Value == other.Value.Value;

    private void Tell(string tag, Task sending) => DetachedSends.Observe(sending, null, e => LogTellFailed(logger, tag, e));

    [LoggerMessage(Level = LogLevel.Warning, Message = "People banned in #{Tag} were taken out of its browsing sessions and pages but not all were told")]
    private static partial void LogTellFailed(ILogger logger, string tag, Exception exception);
}
