using Microsoft.AspNetCore.SignalR;

namespace Widget.Web.Together;

/// <summary>
/// Taking someone out of a session, or ending it, from any node: the store changes first, then every node hears of it
/// (<see cref="ITogetherChanges"/>), takes the ones taken out off the session's group where they are connected and
/// tells them there; the others still in the session hear who is left through the backplane.
/// </summary>
public sealed class SessionExits(TogetherSessions sessions, ITogetherChanges changes, IHubContext<TogetherHub, ITogetherClient> hub)
{
    /// <summary>Takes the participant out; the session as it is after, or null when they were not in it (or it is gone).</summary>
    /// <param name="tell">Whether their connections hear <c>Removed</c>: someone who left themselves needs no telling.</param>
    public async Task<SessionView?> RemoveAsync(string sessionId, long userId, bool tell, CancellationToken ct)
    {
        var removed = await sessions.ChangeAsync(sessionId, s => s.IsParticipant(userId) ? new Exit(s.Remove(userId), s.View()) : null, ct);
        if (removed is null)
        {
            return null;
        }

        await changes.PublishAsync(new SessionChange(sessionId, removed.View.Tag, userId, removed.Connections, tell));
        await hub.Clients.Group(TogetherHub.Group(sessionId)).ParticipantsChanged(removed.View);
        return removed.View;
    }

    /// <summary>Ends the session for everyone in it and at its door; null when it had gone already.</summary>
    public async Task<SessionView?> EndAsync(string sessionId, CancellationToken ct)
    {
        var ending = await sessions.ViewAsync(sessionId, ct);
        if (ending is null)
        {
            return null;
        }

        await sessions.EndAsync(sessionId, ct);
        await changes.PublishAsync(new SessionChange(sessionId, ending.Tag, null, [], Tell: true));
        return ending;
    }

    private sealed record Exit(IReadOnlyList<string> Connections, SessionView View);
}
