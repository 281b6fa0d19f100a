using Microsoft.Extensions.Options;
using Widget.Core.Tags;
using Widget.Data.Posts;
using Widget.Web.Hosting;

namespace Widget.Web.Realtime;

/// <summary>Reads what a viewer missed from Postgres, the source of truth; the live stream is only the fast path.</summary>
public sealed class CatchUpReader(PostQueries queries, PostHtmlRenderer renderer, IOptions<RealtimeOptions> options,
    WidgetMetrics metrics)
{
    public async Task<CatchUp> AfterAsync(Tag tag, long afterSeq, CancellationToken ct)
    {
        var limit = options.Value.CatchUpLimit;
        var missed = await queries.AfterAsync(tag, Math.Max(0, afterSeq), limit + 1, ct);
        if (missed.Count > limit)
        {
            metrics.CaughtUp(0, reset: true);
            return new CatchUp([], Reset: true);
        }

        var events = new List<PostEvent>(missed.Count);
        foreach (var item in missed)
        {
            events.Add(new PostEvent(tag.Value, item.Seq, item.Post, await renderer.RenderAsync(item.Post)));
        }

        metrics.CaughtUp(events.Count, reset: false);
        return new CatchUp(events, Reset: false);
    }
}
