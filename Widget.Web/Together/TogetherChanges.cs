using Microsoft.AspNetCore.SignalR;
using Widget.Web.Calls;

namespace Widget.Web.Together;

/// <summary>
/// A change of membership applied to what this node holds; with Redis, every node applies each change it hears of
/// (<see cref="RedisTogetherChanges"/>). Each node takes its own connections out of the session's group: asking the
/// backplane to do it for another node's connection waits for that node's answer, which never comes when the
/// connection or its node has gone.
/// </summary>
public sealed class TogetherChanges(
    TogetherConnections connections, CursorRelay relay, SessionLines lines, SessionCallWatchers watchers,
    IHubContext<TogetherHub, ITogetherClient> hub) : ITogetherChanges
{
    public Task PublishAsync(SessionChange change) => ApplyAsync(change);

    public async Task ApplyAsync(SessionChange change)
    {
        var here = connections.Forget(change);
        relay.Forget(change);
        lines.Forget(change);
        foreach (var connectionId in here)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, TogetherHub.Group(change.SessionId));
        }

        // Told last: whatever they send on hearing it is refused here, and nothing more of the session reaches them.
        if (change.Tell && here.Count > 0)
        {
            var told = hub.Clients.Clients(here);
            await (change.UserId is null ? told.Ended(change.SessionId) : told.Removed(change.SessionId));
        }

        await watchers.ForgetAsync(change);
    }
}
