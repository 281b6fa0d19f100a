using Microsoft.AspNetCore.SignalR;
using Widget.Core.Posts;
using Widget.Core.Reactions;
using Widget.Web.Reactions;
using Widget.Web.Viewing;

namespace Widget.Web.Realtime;

/// <summary>
/// Pushes changes to posts already shown (an edit, new reaction counts) to every tag the post is shown in,
/// rendered once for all viewers. Like <see cref="LiveFeed"/>, it runs after the commit and does not make the
/// caller wait for the sends (<see cref="DetachedSends"/>); a viewer who misses one sees the change on the
/// next load of the page.
/// </summary>
public sealed partial class PostChanges(
    IHubContext<LiveHub, ILiveClient> hub, PostHtmlRenderer renderer, WidgetPageEvictions pages, ILogger<PostChanges> logger)
{
    public async Task EditedAsync(Post post, IReadOnlyList<string> tags)
    {
        var html = await renderer.RenderAsync(post);
        await pages.TagsAsync(tags);
        DetachedSends.Observe(Task.WhenAll(tags.Select(tag =>
            hub.Clients.Group(LiveGroups.ForTag(tag)).PostEdited(new PostEditedEvent(tag, post.Id, post, html)))),
            null, e => LogSendFailed(logger, post.Id, e));
    }

    public async Task ReactionsChangedAsync(long postId, IReadOnlyList<ReactionCount> counts, IReadOnlyList<string> tags)
    {
        var html = await renderer.RenderAsync<PostReactions>(new Dictionary<string, object?> { [nameof(PostReactions.Counts)] = counts });
        await pages.TagsAsync(tags);
        DetachedSends.Observe(Task.WhenAll(tags.Select(tag =>
            hub.Clients.Group(LiveGroups.ForTag(tag)).ReactionsChanged(new ReactionsChangedEvent(tag, postId, counts, html)))),
            null, e => LogSendFailed(logger, postId, e));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change to post {PostId} is stored but its live send failed; viewers see it on their next load")]
    private static partial void LogSendFailed(ILogger logger, long postId, Exception exception);
}
