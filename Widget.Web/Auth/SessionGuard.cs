using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Widget.Data.Accounts;
using Widget.Web.Realtime;

namespace Widget.Web.Auth;

/// <summary>
/// Answers "is this sign-in session still valid?" for every hub call and API request, from a short
/// per-node cache in front of Postgres; revoking updates this node at once.
/// </summary>
/// <remarks>Built for every hub call; the account store, and the database context leased for it, only
/// when the cache cannot answer.</remarks>
public sealed class SessionGuard(
    IServiceProvider services,
    IMemoryCache cache,
    SessionConnections connections,
    IHubContext<LiveHub, ILiveClient> hub,
    IOptions<AuthOptions> options)
{
    public async Task<bool> IsActiveAsync(Guid sessionId, CancellationToken ct)
    {
        var key = CacheKey(sessionId);
        if (cache.TryGetValue(key, out bool active))
        {
            return active;
        }

        active = await Accounts.FindActiveSessionAsync(sessionId, ct) is not null;
        cache.Set(key, active, options.Value.SessionCheckInterval);
        return active;
    }

    /// <summary>Ends the session everywhere it is used: its tokens, its cookie, and its open hub connections here.</summary>
    public async Task RevokeAsync(Guid sessionId, CancellationToken ct)
    {
        await Accounts.RevokeSessionAsync(sessionId, ct);
        cache.Set(CacheKey(sessionId), false, options.Value.SessionCheckInterval);
        var open = connections.Of(sessionId);
        if (open.Count == 0)
        {
            return;
        }

        await hub.Clients.Clients(open.Select(c => c.ConnectionId).ToArray()).SignedOut();
        foreach (var connection in open)
        {
            connection.Abort();
        }
    }

    private AccountStore Accounts => services.GetRequiredService<AccountStore>();

    private static string CacheKey(Guid sessionId) => "session:" + sessionId;
}
