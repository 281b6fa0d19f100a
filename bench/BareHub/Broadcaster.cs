using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.SignalR;

namespace Widget.Bench.BareHub;

/// <summary>Numbers a post in its channel and sends it to the channel's group, HTML included; nothing is kept.</summary>
public sealed class Broadcaster(IHubContext<BareLiveHub, IBareClient> hub)
{
    private readonly ConcurrentDictionary<string, long> lastSeq = new(StringComparer.Ordinal);
    private long lastId;

    public static string Group(string tag) => "t:" + tag;

    public async Task<Post> PublishAsync(string channel, string text, CancellationToken ct)
    {
        var post = new Post(Interlocked.Increment(ref lastId), 1, "bench", text, DateTimeOffset.UtcNow, channel, [channel]);
        var seq = lastSeq.AddOrUpdate(channel, 1, (_, last) => last + 1);
        await hub.Clients.Group(Group(channel)).PostAdded(new PostEvent(channel, seq, post, Html(post, seq))).WaitAsync(ct);
        return post;
    }

    /// <summary>The markup of the service's PostView component, written by hand.</summary>
    public static string Html(Post post, long seq)
    {
        var html = HtmlEncoder.Default;
        var at = post.CreatedAt.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture,
            $"""<article class="post" data-post-id="{post.Id}" data-seq="{seq}" data-author-id="{post.AuthorId}"><header class="post-head"><span class="post-author">{html.Encode(post.AuthorName)}</span><time class="post-time" datetime="{at:O}">{at:HH:mm}</time></header><p class="post-text">{html.Encode(post.Text)}</p></article>""");
    }
}
