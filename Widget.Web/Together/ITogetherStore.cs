namespace Widget.Web.Together;

/// <summary>
/// Browsing sessions as every node sees them: a participant on one node knocks, the creator on another admits. One
/// node keeps them in memory, a cluster in Redis. A change is atomic however many nodes change the same session at
/// once; reads see a copy, never the state being changed.
/// </summary>
public interface ITogetherStore
{
    Task AddAsync(SessionState session, CancellationToken ct);

    /// <summary>What <paramref name="read"/> makes of the session, or null when there is no such session.</summary>
    Task<T?> ReadAsync<T>(string id, Func<SessionState, T?> read, CancellationToken ct)
        where T : class;

    /// <summary>
    /// Lets <paramref name="change"/> change the session and keeps the change; null when there is no such session.
    /// It may run more than once (when another node changed the session meanwhile), so it changes nothing else.
    /// </summary>
    Task<T?> ChangeAsync<T>(string id, Func<SessionState, T?> change, CancellationToken ct)
        where T : class;

    Task RemoveAsync(string id, CancellationToken ct);
}
