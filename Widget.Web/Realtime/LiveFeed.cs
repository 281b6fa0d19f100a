using Microsoft.AspNetCore.SignalR;
using Widget.Web.Moderation;
using Widget.Data.Posts;

namespace Widget.Web.Realtime;

/// <summary>Pushes stored posts to the viewers of each of their tags.</summary>
public sealed class LiveFeed(IHubContext<LiveHub, ILiveClient> hub, PostHtmlRenderer renderer)
{
    public async Task PublishAsync(StoredPost stored, CancellationToken ct)
    {
        var html = await renderer.RenderAsync(stored.Post);
        var sends = stored.Placements.Select(p =>
            hub.Clients.Group(LiveGroups.ForTag(p.Tag)).PostAdded(new PostEvent(p.Tag, p.Seq, stored.Post, html)));
        await Task.WhenAll(sends).WaitAsync(ct);
    }

    /// <summary>A post written under a shadow ban reaches its author's own connections and nobody else.</summary>
    public async Task PublishToAuthorAsync(StoredPost stored, CancellationToken ct)
    {
        var html = await renderer.RenderAsync(stored.Post);
        var author = hub.Clients.User(UserIds.Of(stored.Post.AuthorId));
        await Task.WhenAll(stored.Placements.Select(p => author.PostAdded(new PostEvent(p.Tag, p.Seq, stored.Post, html)))).WaitAsync(ct);
    }
}
