using Widget.Web.Calls;

namespace Widget.Web.Together;

/// <summary>A change of membership applied to what this node holds; with Redis, every node applies each change it hears of (<see cref="RedisTogetherChanges"/>).</summary>
public sealed class TogetherChanges(
    TogetherConnections connections, CursorRelay relay, SessionLines lines, SessionCallWatchers watchers) : ITogetherChanges
{
    public Task PublishAsync(SessionChange change) => ApplyAsync(change);

    public async Task ApplyAsync(SessionChange change)
    {
        connections.Forget(change);
        relay.Forget(change);
        lines.Forget(change);
        await watchers.ForgetAsync(change);
    }
}
