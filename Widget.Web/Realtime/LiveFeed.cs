using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Widget.Web.Moderation;
using Widget.Data.Posts;
using Widget.Web.Hosting;

namespace Widget.Web.Realtime;

/// <summary>Pushes stored posts to the viewers of each of their tags.</summary>
public sealed partial class LiveFeed(
    IHubContext<LiveHub, ILiveClient> hub, PostHtmlRenderer renderer, WidgetMetrics metrics, ILogger<LiveFeed> logger)
{
    /// <summary>
    /// Called after the commit. A send that fails (the backplane's Redis is down) loses nothing: the post
    /// is stored, so the poster is told it was accepted, and viewers fetch it by seq on their next join
    /// or when the next post shows them a gap.
    /// </summary>
    public async Task PublishAsync(StoredPost stored, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        metrics.PostAccepted();
        var html = await renderer.RenderAsync(stored.Post);
        var sends = stored.Placements.Select(p =>
            hub.Clients.Group(LiveGroups.ForTag(p.Tag)).PostAdded(new PostEvent(p.Tag, p.Seq, stored.Post, html)));
        try
        {
            await Task.WhenAll(sends).WaitAsync(ct);
            metrics.FannedOut(Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.FanOutFailed();
            LogFanOutFailed(logger, stored.Post.Id, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post {PostId} is stored but its live send failed; viewers will catch up")]
    private static partial void LogFanOutFailed(ILogger logger, long postId, Exception exception);

    /// <summary>A post written under a shadow ban reaches its author's own connections and nobody else.</summary>
    public async Task PublishToAuthorAsync(StoredPost stored, CancellationToken ct)
    {
        var html = await renderer.RenderAsync(stored.Post);
        var author = hub.Clients.User(UserIds.Of(stored.Post.AuthorId));
        await Task.WhenAll(stored.Placements.Select(p => author.PostAdded(new PostEvent(p.Tag, p.Seq, stored.Post, html)))).WaitAsync(ct);
    }
}
