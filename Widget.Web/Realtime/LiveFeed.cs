using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Widget.Data.Posts;
using Widget.Web.Hosting;
using Widget.Web.Viewing;

namespace Widget.Web.Realtime;

/// <summary>
/// Pushes a post a moderator approved to the viewers of each of its tags; the posts the commit lanes store go
/// out through <see cref="OrderedFeed"/>. The sends are started and not awaited (<see cref="DetachedSends"/>):
/// viewers who keep up have a post as soon as it is written to their connections.
/// </summary>
public sealed partial class LiveFeed(
    IHubContext<LiveHub, ILiveClient> hub, PostHtmlRenderer renderer, WidgetPageEvictions pages, WidgetMetrics metrics, ILogger<LiveFeed> logger)
{
    /// <summary>
    /// Called after the commit. A send that fails (the backplane's Redis is down) loses nothing: the post
    /// is stored, so the poster is told it was accepted, and viewers fetch it by seq on their next join
    /// or when the next post shows them a gap. A stored post goes out even when its poster has gone.
    /// </summary>
    public async Task PublishAsync(StoredPost stored)
    {
        var started = Stopwatch.GetTimestamp();
        metrics.PostAccepted();
        var html = await renderer.RenderAsync(stored.Post);
        await pages.TagsAsync(stored.Placements.Select(p => p.Tag));
        var sends = Task.WhenAll(stored.Placements.Select(p =>
            hub.Clients.Group(LiveGroups.ForTag(p.Tag)).PostAdded(new PostEvent(p.Tag, p.Seq, stored.Post, html))));
        DetachedSends.Observe(sends, () => metrics.FannedOut(Stopwatch.GetElapsedTime(started)), e => Failed(stored.Post.Id, e));
    }

    private void Failed(long postId, Exception e)
    {
        metrics.FanOutFailed();
        LogFanOutFailed(logger, postId, e);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post {PostId} is stored but its live send failed; viewers will catch up")]
    private static partial void LogFanOutFailed(ILogger logger, long postId, Exception exception);
}
