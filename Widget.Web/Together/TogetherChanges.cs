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
        foreach (var connectionId in change.Connections.Where(connections.IsHere))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, TogetherHub.Group(change.SessionId));
        }

        connections.Forget(change);
        relay.Forget(change);
        lines.Forget(change);
        await watchers.ForgetAsync(change);
    }
}
