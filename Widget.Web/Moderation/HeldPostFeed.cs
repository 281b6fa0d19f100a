using Microsoft.AspNetCore.SignalR;
using Widget.Core.Moderation;
using Widget.Data.Moderation;
using Widget.Web.Language;
using Widget.Web.Realtime;

namespace Widget.Web.Moderation;

/// <summary>Tells a held post's author, on every open connection, that it waits or was turned down, and the desks that it waits.</summary>
public sealed class HeldPostFeed(IHubContext<LiveHub, ILiveClient> hub, PostHtmlRenderer renderer, DeskNudges desks)
{
    public async Task HeldAsync(HeldPost held, CancellationToken ct)
    {
        desks.Nudge([held.Tag]);
        var html = await renderer.RenderAsync(held.Post);
        var words = PremoderationMessages.Held(held.Tag);
        await Task.WhenAll(held.Post.Tags.Select(t => UserPush.ToUser(hub.Clients, held.Post.AuthorId, (author, language) =>
            author.PostHeld(new HeldPostEvent(t, held.Post, html, VisitorText.Say(words, language)))))).WaitAsync(ct);
    }

    public async Task RejectedAsync(HeldPost rejected, CancellationToken ct)
    {
        var words = PremoderationMessages.Rejected(rejected.Tag, rejected.RejectReason);
        await Task.WhenAll(rejected.Post.Tags.Select(t => UserPush.ToUser(hub.Clients, rejected.Post.AuthorId, (author, language) =>
            author.PostRejected(new PostRejectedEvent(t, rejected.Post.Id, rejected.RejectReason, VisitorText.Say(words, language)))))).WaitAsync(ct);
    }
}
