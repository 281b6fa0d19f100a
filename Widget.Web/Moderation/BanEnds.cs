using Microsoft.AspNetCore.SignalR;
using Widget.Web.Realtime;

namespace Widget.Web.Moderation;

/// <summary>Tells a user's open widgets that a ban is over, so they let them post again.</summary>
public sealed class BanEnds(IHubContext<LiveHub, ILiveClient> hub)
{
    public Task TellAsync(long userId, IEnumerable<string> tags, CancellationToken ct)
    {
        var user = hub.Clients.User(UserIds.Of(userId));
        return Task.WhenAll(tags.Select(t => user.Unbanned(new UnbannedEvent(t, $"Your ban in #{t} is over: you can post again.")))).WaitAsync(ct);
    }
}
