using Widget.Web.Together;

namespace Widget.Web.Calls;

/// <summary>
/// The calls of "Browse together" sessions (<see cref="SessionRoom"/>): whether someone is still a participant of the
/// session whose call a room is, asked on every signalling message, and what leaving the session does to its call.
/// Someone who leaves the session, or is removed from it, is taken out of its call and, on every node, stops hearing
/// who is in it (<see cref="SessionCallWatchers"/>); when the session ends, so does its call.
/// </summary>
public sealed class SessionCalls(TogetherSessions sessions, ICallEvictions evictions, SessionCallWatchers watchers)
{
    public Task<SessionView?> FindAsync(string sessionId, CancellationToken ct) => sessions.ViewAsync(sessionId, ct);

    /// <summary>False when the room is a session's call and the user no longer takes part in that session.</summary>
    public async Task<bool> StillInAsync(string room, long userId, CancellationToken ct) =>
        SessionRoom.SessionOf(room) is not { } sessionId || await sessions.IsParticipantAsync(sessionId, userId, ct);

    /// <summary>Also forgets the watchers of sessions that have gone meanwhile: an abandoned session ends unseen.</summary>
    public async Task WatchingAsync(string room, string connectionId, long userId, CancellationToken ct)
    {
        foreach (var watched in watchers.Rooms())
        {
            if (SessionRoom.SessionOf(watched) is { } id && await sessions.ViewAsync(id, ct) is null)
            {
                watchers.Drop(watched);
            }
        }

        watchers.Watching(room, connectionId, userId);
    }

    public Task LeftAsync(SessionView session, long userId)
    {
        var room = SessionRoom.Of(session.Tag, session.SessionId);
        return evictions.EvictAsync(new CallEviction(DirectRoom.ChannelOf(room), CallOutReason.SessionLeft, UserId: userId, Room: room));
    }

    public Task EndedAsync(SessionView session)
    {
        var room = SessionRoom.Of(session.Tag, session.SessionId);
        return evictions.EvictAsync(new CallEviction(DirectRoom.ChannelOf(room), CallOutReason.SessionEnded, Room: room));
    }
}
