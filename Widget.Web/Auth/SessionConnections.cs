using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Widget.Web.Auth;

/// <summary>The hub connections on this node opened with each sign-in session, so signing out can close them.</summary>
public sealed class SessionConnections
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> bySession = new();

    public void Add(Guid sessionId, HubCallerContext connection) =>
        bySession.GetOrAdd(sessionId, _ => new()).TryAdd(connection.ConnectionId, connection);

    public void Remove(Guid sessionId, string connectionId)
    {
        if (bySession.TryGetValue(sessionId, out var connections) && connections.TryRemove(connectionId, out _)
            && connections.IsEmpty)
        {
            bySession.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, HubCallerContext>>(sessionId, connections));
        }
    }

    public IReadOnlyList<HubCallerContext> Of(Guid sessionId) =>
        bySession.TryGetValue(sessionId, out var connections) ? [.. connections.Values] : [];
}
