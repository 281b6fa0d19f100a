using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Widget.Web.Together;

/// <summary>
/// The chat allowances (<see cref="LineAllowance"/>) of the sessions this node's connections talk in. Kept per node:
/// someone with tabs on two nodes gets two allowances, which the hub's own limit per connection still bounds. A
/// session's allowances outlive its connections here until they would be full again anyway, so leaving and coming
/// back gives nobody more.
/// </summary>
public sealed class SessionLines(TimeProvider time, IOptions<TogetherOptions> options)
{
    private readonly ConcurrentDictionary<string, Held> sessions = new(StringComparer.Ordinal);

    public bool TryTake(string sessionId, long userId)
    {
        var held = sessions.GetOrAdd(sessionId, _ => new Held());
        Volatile.Write(ref held.LastUsed, time.GetTimestamp());
        return held.Allowance.TryTake(userId, time, options.Value);
    }

    /// <summary>An ended session's allowances go at once.</summary>
    public void Forget(SessionChange change)
    {
        if (change.UserId is null)
        {
            sessions.TryRemove(change.SessionId, out _);
        }
    }

    /// <summary>Drops the allowances nobody has drawn on for as long as it takes to fill one up again.</summary>
    public void Sweep()
    {
        var full = TimeSpan.FromMinutes((double)options.Value.ChatBurst / options.Value.ChatLinesPerMinute);
        foreach (var (sessionId, held) in sessions)
        {
            if (time.GetElapsedTime(Volatile.Read(ref held.LastUsed)) > full)
            {
                sessions.TryRemove(sessionId, out _);
            }
        }
    }

    private sealed class Held
    {
        public readonly LineAllowance Allowance = new();

        public long LastUsed;
    }
}
