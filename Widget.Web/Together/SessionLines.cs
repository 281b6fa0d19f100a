using System.Collections.Concurrent;

namespace Widget.Web.Together;

/// <summary>
/// The chat allowances (<see cref="LineAllowance"/>) of the sessions this node's connections talk in. Kept per node:
/// someone with tabs on two nodes gets two allowances, which the hub's own limit per connection still bounds.
/// </summary>
public sealed class SessionLines
{
    private readonly ConcurrentDictionary<string, LineAllowance> sessions = new(StringComparer.Ordinal);

    public LineAllowance Of(string sessionId) => sessions.GetOrAdd(sessionId, _ => new LineAllowance());

    /// <summary>An ended session's allowances go; someone who left keeps theirs, so leaving and coming back gives no more.</summary>
    public void Forget(SessionChange change)
    {
        if (change.UserId is null)
        {
            sessions.TryRemove(change.SessionId, out _);
        }
    }

    /// <summary>No connection of this node is in the session any more.</summary>
    public void Drop(string sessionId) => sessions.TryRemove(sessionId, out _);
}
