using Microsoft.AspNetCore.SignalR;
using Widget.Web.Realtime;

namespace Widget.Web.Together;

/// <summary>
/// Takes a user banned in a channel out of the browsing sessions this node holds there: the door keeps them from
/// knocking or coming back, and this ends what they already see and any knock still waiting. A session whose creator is banned ends for
/// everyone, as nobody else may admit or remove. Their pods go from the site's pages too. Each node does so with its own sessions, told as calls are
/// (<see cref="Calls.CallEvictor"/>); the telling is not awaited, so a moderator never waits on a slow widget.
/// </summary>
public sealed partial class TogetherEvictor(
    TogetherSessions sessions, PageRooms rooms, IHubContext<TogetherHub, ITogetherClient> hub, ILogger<TogetherEvictor> logger)
{
    public void Evict(string tag, long userId)
    {
        foreach (var room in rooms.In(tag).Where(r => r.HideUser(userId)))
        {
            Tell(tag, hub.Clients.Clients(room.Watchers()).PodGone(userId));
        }

        foreach (var session in sessions.In(tag))
        {
            if (session.CreatorId == userId)
            {
                sessions.End(session);
                Tell(tag, hub.Clients.Clients(session.Everyone()).Ended(session.Id));
                continue;
            }

            // Knocking still: the creator could otherwise let them in past the door.
            if (session.Decline(userId) is { } knocking)
            {
                Tell(tag, hub.Clients.Client(knocking).Declined(session.Id));
            }

            if (!session.IsParticipant(userId))
            {
                continue;
            }

            var removed = session.Remove(userId);
            var others = session.Members().Select(m => m.ConnectionId).ToArray();
            Tell(tag, Task.WhenAll(hub.Clients.Clients(removed).Removed(session.Id), hub.Clients.Clients(others).ParticipantsChanged(session.View())));
        }
    }

    private void Tell(string tag, Task sending) => DetachedSends.Observe(sending, null, e => LogTellFailed(logger, tag, e));

    [LoggerMessage(Level = LogLevel.Warning, Message = "People banned in #{Tag} were taken out of its browsing sessions and pages but not all were told")]
    private static partial void LogTellFailed(ILogger logger, string tag, Exception exception);
}
