using System.Collections.Concurrent;

namespace Widget.Web.Together;

/// <summary>
/// The together hub's connections on this node and the sessions each is in or knocking at: what a closed connection
/// leaves, which sessions this node keeps alive, and a cache of who each connection is in a session, so a relayed
/// cursor or form update is checked without asking the store. A change of membership made on any node drops what it
/// touches (<see cref="Forget"/>); a look-up that raced with such a change is not cached, by the session's generation.
/// </summary>
public sealed class TogetherConnections
{
    private readonly Lock gate = new();

    // Per connection: the sessions it is in (the participant, once known) or knocking at (null).
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, long?>> connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);

    /// <summary>The connection is in the session, or at its door when <paramref name="userId"/> is null.</summary>
    public void Enter(string connectionId, string sessionId, long? userId)
    {
        lock (gate)
        {
            connections.GetOrAdd(connectionId, _ => new ConcurrentDictionary<string, long?>(StringComparer.Ordinal))[sessionId] = userId;
        }
    }

    /// <summary>The participant the connection is known to be in the session, or null when that must be asked.</summary>
    public long? MemberOf(string connectionId, string sessionId) =>
        connections.TryGetValue(connectionId, out var sessions) && sessions.TryGetValue(sessionId, out var userId) ? userId : null;

    /// <summary>Read before asking the store, and handed to <see cref="Learn"/> with the answer.</summary>
    public long Generation(string sessionId) => generations.GetValueOrDefault(sessionId);

    /// <summary>Caches what the store said, unless membership in the session changed since <paramref name="generation"/> or the connection left it.</summary>
    public void Learn(string connectionId, string sessionId, long userId, long generation)
    {
        lock (gate)
        {
            if (Generation(sessionId) == generation && connections.TryGetValue(connectionId, out var sessions) && sessions.ContainsKey(sessionId))
            {
                sessions[sessionId] = userId;
            }
        }
    }

    /// <summary>
    /// Membership in a session changed somewhere: what this node knew of the user (or of everyone, when it ended) goes.
    /// Returns the connections here that were in the session or at its door, each once however often the change is heard.
    /// </summary>
    public IReadOnlyList<string> Forget(SessionChange change)
    {
        lock (gate)
        {
            generations.AddOrUpdate(change.SessionId, 1, (_, g) => g + 1);
            List<string> forgotten = [];
            foreach (var (connectionId, sessions) in connections)
            {
                if ((change.UserId is null || change.Connections.Contains(connectionId)
                        || (sessions.TryGetValue(change.SessionId, out var userId) && userId == change.UserId))
                    && sessions.TryRemove(change.SessionId, out _))
                {
                    forgotten.Add(connectionId);
                }
            }

            // An ended session has no entries left to be learnt into.
            if (change.UserId is null)
            {
                generations.TryRemove(change.SessionId, out _);
            }

            return forgotten;
        }
    }

    /// <summary>The connection closed: the sessions it was in or knocking at.</summary>
    public IReadOnlyList<string> Close(string connectionId)
    {
        lock (gate)
        {
            if (!connections.TryRemove(connectionId, out var sessions))
            {
                return [];
            }

            foreach (var sessionId in sessions.Keys.Where(id => !Holds(id)))
            {
                generations.TryRemove(sessionId, out _);
            }

            return [.. sessions.Keys];
        }
    }

    /// <summary>Whether the connection is this node's.</summary>
    public bool IsHere(string connectionId) => connections.ContainsKey(connectionId);

    /// <summary>Whether any connection on this node is still in the session or at its door.</summary>
    public bool Holds(string sessionId) => connections.Values.Any(s => s.ContainsKey(sessionId));

    /// <summary>Every session this node has a connection in or at the door of.</summary>
    public IReadOnlyCollection<string> Sessions() => [.. connections.Values.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal)];
}
