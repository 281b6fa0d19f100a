using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Widget.Web.Together;

/// <summary>
/// The sessions this node holds, in memory. A session is found by its id alone, which is 128 random bits: the
/// invitation link is the only way in, and the creator still decides. Sessions that stood empty past
/// <see cref="TogetherOptions.EmptySessionTimeout"/> are dropped.
/// </summary>
public sealed class TogetherSessions(TimeProvider time, IOptions<TogetherOptions> options)
{
    private readonly ConcurrentDictionary<string, TogetherSession> sessions = new(StringComparer.Ordinal);

    public TogetherSession Start(string tag, Participant creator, string connectionId)
    {
        Sweep();
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var session = new TogetherSession(id, tag, creator with { Color = TogetherSession.FirstColor }, time.GetUtcNow());
        session.Attach(connectionId, creator.UserId);
        sessions[id] = session;
        return session;
    }

    public TogetherSession? Find(string id) =>
        sessions.TryGetValue(id, out var session) && !session.IsAbandoned(time.GetUtcNow(), options.Value.EmptySessionTimeout)
            ? session
            : null;

    public void End(TogetherSession session) => sessions.TryRemove(session.Id, out _);

    /// <summary>The sessions held here on a site, ended or abandoned ones left out.</summary>
    public IEnumerable<TogetherSession> In(string tag)
    {
        var now = time.GetUtcNow();
        return sessions.Values.Where(s => s.Tag == tag && !s.IsAbandoned(now, options.Value.EmptySessionTimeout));
    }

    /// <summary>A connection closed: it leaves every session it was in or knocking at.</summary>
    public void Disconnected(string connectionId)
    {
        Sweep();
        var now = time.GetUtcNow();
        foreach (var session in sessions.Values)
        {
            session.Detach(connectionId, now);
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var session in sessions.Values.Where(s => s.IsAbandoned(now, options.Value.EmptySessionTimeout)))
        {
            sessions.TryRemove(session.Id, out _);
        }
    }
}
