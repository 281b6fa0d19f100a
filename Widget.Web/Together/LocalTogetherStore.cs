using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Widget.Web.Together;

/// <summary>
/// The sessions of a node that runs alone, in its memory, each changed under a lock of its own. Sessions that stood
/// empty past <see cref="TogetherOptions.EmptySessionTimeout"/> are dropped whenever one is added.
/// </summary>
public sealed class LocalTogetherStore(TimeProvider time, IOptions<TogetherOptions> options) : ITogetherStore
{
    private readonly ConcurrentDictionary<string, SessionState> sessions = new(StringComparer.Ordinal);

    public Task AddAsync(SessionState session, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var (id, held) in sessions)
        {
            lock (held)
            {
                if (held.IsAbandoned(now, options.Value.EmptySessionTimeout))
                {
                    sessions.TryRemove(id, out _);
                }
            }
        }

        sessions[session.Id] = session;
        return Task.CompletedTask;
    }

    public Task<T?> ReadAsync<T>(string id, Func<SessionState, T?> read, CancellationToken ct)
        where T : class => ChangeAsync(id, read, ct);

    public Task<T?> ChangeAsync<T>(string id, Func<SessionState, T?> change, CancellationToken ct)
        where T : class
    {
        if (!sessions.TryGetValue(id, out var session))
        {
            return Task.FromResult<T?>(null);
        }

        lock (session)
        {
            return Task.FromResult(change(session));
        }
    }

    public Task RemoveAsync(string id, CancellationToken ct)
    {
        sessions.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
