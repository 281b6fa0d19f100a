using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Widget.Web.Presence;

/// <summary>Passes on at most one typing report per user and channel per interval: keystrokes are not broadcasts.</summary>
public sealed class TypingThrottle(IOptions<PresenceOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(long UserId, string Tag), DateTimeOffset> last = new();

    public bool TryPass(long userId, string tag)
    {
        var now = time.GetUtcNow();
        var interval = options.Value.TypingThrottle;
        var key = (userId, tag);
        if (last.TryGetValue(key, out var previous) && now - previous < interval)
        {
            return false;
        }

        last[key] = now;
        if (last.Count > 10_000)
        {
            foreach (var stale in last.Where(p => now - p.Value >= interval))
            {
                last.TryRemove(stale);
            }
        }

        return true;
    }
}
