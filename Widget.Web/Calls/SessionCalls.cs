using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Widget.Web.Together;

namespace Widget.Web.Calls;

/// <summary>
/// The calls of "Browse together" sessions (<see cref="SessionRoom"/>): whether someone is still a participant of the
/// session whose call a room is, asked on every signalling message, and what leaving the session does to its call.
/// Someone who leaves the session, or is removed from it, is taken out of its call and stops hearing who is in it;
/// when the session ends, so does its call. Watchers are kept per room so that they can be dropped; a session lives
/// on one node (<see cref="TogetherSessions"/>), and so do they.
/// </summary>
public sealed class SessionCalls(TogetherSessions sessions, ICallEvictions evictions, IHubContext<CallHub, ICallClient> hub)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long>> watchers = new(StringComparer.Ordinal);

    public TogetherSession? Find(string sessionId) => sessions.Find(sessionId);

    /// <summary>False when the room is a session's call and the user no longer takes part in that session.</summary>
    public bool StillIn(string room, long userId) =>
        SessionRoom.SessionOf(room) is not { } sessionId || sessions.Find(sessionId)?.IsParticipant(userId) == true;

    /// <summary>Also forgets the watchers of sessions that have gone meanwhile: an abandoned session ends unseen.</summary>
    public void Watching(string room, string connectionId, long userId)
    {
        foreach (var gone in watchers.Keys.Where(r => SessionRoom.SessionOf(r) is { } id && sessions.Find(id) is null))
        {
            watchers.TryRemove(gone, out _);
        }

        watchers.GetOrAdd(room, _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal))[connectionId] = userId;
    }

    public async Task LeftAsync(TogetherSession session, long userId)
    {
        var room = SessionRoom.Of(session);
        await evictions.EvictAsync(new CallEviction(Channel(room), CallOutReason.SessionLeft, UserId: userId, Room: room));
        if (watchers.TryGetValue(room, out var watching))
        {
            await UnwatchAsync(room, [.. watching.Where(w => w.Value == userId).Select(w => w.Key)], watching);
        }
    }

    public async Task EndedAsync(TogetherSession session)
    {
        var room = SessionRoom.Of(session);
        await evictions.EvictAsync(new CallEviction(Channel(room), CallOutReason.SessionEnded, Room: room));
        if (watchers.TryRemove(room, out var watching))
        {
            await UnwatchAsync(room, [.. watching.Keys], watching);
        }
    }

    private static string Channel(string room) => DirectRoom.ChannelOf(room);

    private async Task UnwatchAsync(string room, IReadOnlyList<string> connectionIds, ConcurrentDictionary<string, long> watching)
    {
        foreach (var connectionId in connectionIds)
        {
            watching.TryRemove(connectionId, out _);
            await hub.Groups.RemoveFromGroupAsync(connectionId, CallHub.Group(room));
        }
    }
}
