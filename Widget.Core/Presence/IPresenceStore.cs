namespace Widget.Core.Presence;

/// <summary>
/// Who has a channel open, across every node. Callers report their own connections; the store
/// answers for all of them, so an implementation may keep its state in-process or shared (Redis).
/// A user with several tabs is one person: they join with the first connection and leave with the last.
/// Grace periods and flushing diffs to viewers are the caller's; the store only counts.
/// </summary>
public interface IPresenceStore
{
    Task<PresenceChange> AddAsync(PresenceConnection connection, CancellationToken ct);

    /// <summary>Removing a connection the store does not hold changes nothing.</summary>
    Task<PresenceChange> RemoveAsync(PresenceConnection connection, CancellationToken ct);

    Task<ChannelPresence> GetAsync(string tag, CancellationToken ct);

    Task<int> CountOnPageAsync(string tag, string page, CancellationToken ct);
}
