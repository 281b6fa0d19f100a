using Microsoft.AspNetCore.SignalR;
using Widget.Core.Moderation;
using Widget.Data.Moderation;
using Widget.Web.Realtime;

namespace Widget.Web.Moderation;

/// <summary>Tells a held post's author, on every open connection, that it waits or was turned down, and the desks that it waits.</summary>
public sealed class HeldPostFeed(IHubContext<LiveHub, ILiveClient> hub, PostHtmlRenderer renderer, DeskNudges desks)
{
    public async Task HeldAsync(HeldPost held, CancellationToken ct)
    {
        desks.Nudge([held.Tag]);
        var html = await renderer.RenderAsync(held.Post);
        var message = PremoderationMessages.Held(held.Tag);
        var author = hub.Clients.User(UserIds.Of(held.Post.AuthorId));
        await Task.WhenAll(held.Post.Tags.Select(t => author.PostHeld(new HeldPostEvent(t, held.Post, html, message)))).WaitAsync(ct);
    }

    public async Task RejectedAsync(HeldPost rejected, CancellationToken ct)
    {
        var message = PremoderationMessages.Rejected(rejected.Tag, rejected.RejectReason);
        var author = hub.Clients.User(UserIds.Of(rejected.Post.AuthorId));
        await Task.WhenAll(rejected.Post.Tags.Select(t =>
            author.PostRejected(new PostRejectedEvent(t, rejected.Post.Id, rejected.RejectReason, message)))).WaitAsync(ct);
    }
}
