using Microsoft.AspNetCore.SignalR;
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
}
