using Microsoft.AspNetCore.SignalR;
using Widget.Core.Text;
using Widget.Web.Language;
using Widget.Web.Realtime;

namespace Widget.Web.Moderation;

/// <summary>Tells a user's open widgets that a ban is over, so they let them post again.</summary>
public sealed class BanEnds(IHubContext<LiveHub, ILiveClient> hub)
{
    public Task TellAsync(long userId, IEnumerable<string> tags, CancellationToken ct)
    {
        return Task.WhenAll(tags.Select(t => UserPush.ToUser(hub.Clients, userId, (user, language) =>
            user.Unbanned(new UnbannedEvent(t, VisitorText.Say(Notice.Of("Ban.Over", t), language)))))).WaitAsync(ct);
    }
}
