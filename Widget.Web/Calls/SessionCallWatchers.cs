using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Widget.Web.Together;

namespace Widget.Web.Calls;

/// <summary>
/// The call hub's connections on this node that watch a session's call (<see cref="SessionRoom"/>), kept per room so
/// that they can be dropped: someone who left the session, or was taken out of it on any node, stops hearing who is
/// in its call, and when the session ends nobody hears it any more (<see cref="TogetherChanges"/>).
/// </summary>
public sealed class SessionCallWatchers(IHubContext<CallHub, ICallClient> hub)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> watchers = new(StringComparer.Ordinal);

    public void Watching(string room, string connectionId, long userId) =>
        watchers.GetOrAdd(room, _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal))[connectionId] = userId;

    /// <summary>The rooms watched from this node.</summary>
    public IReadOnlyCollection<string> Rooms() => [.. watchers.Keys];

    /// <summary>Forgets a room whose session has gone unseen (abandoned, or on a node that died).</summary>
    public void Drop(string room) => watchers.TryRemove(room, out _);

    public async Task ForgetAsync(SessionChange change)
    {
        var room = SessionRoom.Of(change.Tag, change.SessionId);
        if (change.UserId is not { } userId)
        {
            if (watchers.TryRemove(room, out var all))
            {
                await UnwatchAsync(room, [.. all.Keys], all);
            }
        }
        else if (watchers.TryGetValue(room, out var watching))
        {
            await UnwatchAsync(room, [.. watching.Where(w => w.Value == userId).Select(w => w.Key)], watching);
        }
    }

    private async Task UnwatchAsync(string room, IReadOnlyList<string> connectionIds, ConcurrentDictionary<string, long> watching)
    {
        foreach (var connectionId in connectionIds)
        {
            watching.TryRemove(connectionId, out _);
            await hub.Groups.RemoveFromGroupAsync(connectionId, CallHub.Group(room));
        }
    }
}
