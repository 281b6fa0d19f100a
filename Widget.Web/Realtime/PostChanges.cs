using Microsoft.AspNetCore.SignalR;
using Widget.Core.Posts;
using Widget.Core.Reactions;
using Widget.Web.Reactions;
using Widget.Web.Viewing;

namespace Widget.Web.Realtime;

/// <summary>
/// Pushes changes to posts already shown (an edit, new reaction counts) to every tag the post is shown in,
/// rendered once for all viewers. Like <see cref="LiveFeed"/>, it runs after the commit; a viewer who misses
/// one sees the change on the next load of the page.
/// </summary>
public sealed class PostChanges(IHubContext<LiveHub, ILiveClient> hub, PostHtmlRenderer renderer)
{
    public async Task EditedAsync(Post post, IReadOnlyList<string> tags, CancellationToken ct)
    {
        var html = await renderer.RenderAsync(post);
        await Task.WhenAll(tags.Select(tag => hub.Clients.Group(LiveGroups.ForTag(tag)).PostEdited(new PostEditedEvent(tag, post.Id, post, html))))
            .WaitAsync(ct);
    }

    public async Task ReactionsChangedAsync(long postId, IReadOnlyList<ReactionCount> counts, IReadOnlyList<string> tags, CancellationToken ct)
    {
        var html = await renderer.RenderAsync<PostReactions>(new Dictionary<string, object?> { [nameof(PostReactions.Counts)] = counts });
        await Task.WhenAll(tags.Select(tag =>
                hub.Clients.Group(LiveGroups.ForTag(tag)).ReactionsChanged(new ReactionsChangedEvent(tag, postId, counts, html))))
            .WaitAsync(ct);
    }
}
