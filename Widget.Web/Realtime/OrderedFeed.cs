using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Widget.Data.Posts;
using Widget.Web.Hosting;
using Widget.Web.Moderation;
using Widget.Web.Viewing;

namespace Widget.Web.Realtime;

/// <summary>
/// Pushes the posts this node stores to the viewers of each of their tags, in each tag's seq order: one reader
/// takes them as <see cref="PostOrder"/> releases them and starts their sends in that order (<see cref="PostFanOut"/>), and a
/// connection writes what it is sent in the order the sends start. The sends are not awaited (<see cref="DetachedSends"/>).
/// </summary>
/// <remarks>
/// A send that fails (the backplane's Redis is down) loses nothing: the post is stored, so the poster is told it
/// was accepted, and viewers fetch it by seq on their next join or when the next post shows them a gap. A post
/// with several tags is rendered once, at its first place, for all of them.
/// </remarks>
public sealed partial class OrderedFeed(
    PostOrder order, IHubContext<LiveHub, ILiveClient> hub, PostFanOut fanOut, PostHtmlRenderer renderer, WidgetPageEvictions pages, WidgetMetrics metrics, ILogger<OrderedFeed> logger)
    : BackgroundService
{
    /// <summary>Posts with places still to send; only the reader touches it.</summary>
    private readonly Dictionary<long, Fanning> unfinished = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var placed in order.Released.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(placed);
            }
            catch (Exception e)
            {
                Failed(placed.Stored.Post.Id, e);
            }
        }
    }

    private async Task SendAsync(PlacedPost placed)
    {
        var post = placed.Stored.Post;
        if (!unfinished.TryGetValue(post.Id, out var fanning))
        {
            fanning = new Fanning(await renderer.RenderAsync(post), placed.Stored.Placements.Count, placed.CommittedAt);
            if (!placed.Shadow)
            {
                metrics.PostAccepted();
                await pages.TagsAsync(placed.Stored.Placements.Select(p => p.Tag));
            }
        }

        if (--fanning.Unstarted > 0)
        {
            unfinished[post.Id] = fanning;
        }
        else
        {
            unfinished.Remove(post.Id);
        }

        var added = new PostEvent(placed.Placement.Tag, placed.Placement.Seq, post, fanning.Html);
        if (placed.Shadow)
        {
            // A post written under a shadow ban reaches its author's own connections and nobody else.
            DetachedSends.Observe(hub.Clients.User(UserIds.Of(post.AuthorId)).PostAdded(added), null, e => Failed(post.Id, e));
        }
        else
        {
            fanOut.Send(added, () => Sent(fanning), e => Failed(post.Id, e));
        }
    }

    private void Sent(Fanning fanning)
    {
        if (Interlocked.Decrement(ref fanning.Unsent) == 0)
        {
            metrics.FannedOut(Stopwatch.GetElapsedTime(fanning.CommittedAt));
        }
    }

    private void Failed(long postId, Exception e)
    {
        metrics.FanOutFailed();
        LogFanOutFailed(logger, postId, e);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post {PostId} is stored but its live send failed; viewers will catch up")]
    private static partial void LogFanOutFailed(ILogger logger, long postId, Exception exception);

    private sealed class Fanning(string html, int places, long committedAt)
    {
        public readonly string Html = html;
        public readonly long CommittedAt = committedAt;
        public int Unstarted = places;
        public int Unsent = places;
    }
}
