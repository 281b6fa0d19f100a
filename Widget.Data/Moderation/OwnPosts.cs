using Microsoft.EntityFrameworkCore;
using Widget.Core.Posts;
using Widget.Core.Tags;

namespace Widget.Data.Moderation;

/// <summary>Posts only their author may see in a tag: those written under a shadow ban.</summary>
public sealed class OwnPosts(WidgetDbContext db)
{
    /// <summary>The author's shadow posts in <paramref name="tag"/> after <paramref name="afterSeq"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ChannelPost>> ShadowAsync(long authorId, string tag, long afterSeq, int limit, CancellationToken ct)
    {
        var rows = await db.PostTags.AsNoTracking()
            .Where(pt => pt.Tag == tag && pt.Seq > afterSeq && pt.Post!.AuthorId == authorId && pt.Post.Shadow && pt.Post.DeletedAt == null)
            .OrderBy(pt => pt.Seq)
            .Take(limit)
            .Select(pt => new { pt.Seq, pt.Post!.Id, pt.Post.Author!.DisplayName, pt.Post.Text, pt.Post.CreatedAt, pt.Post.Channel })
            .ToListAsync(ct);
        return rows.ConvertAll(r => new ChannelPost(r.Seq, new Post(r.Id, authorId, r.DisplayName, r.Text, r.CreatedAt, r.Channel,
            PostTags.For(Tag.Parse(r.Channel), r.Text).Select(t => t.Value).ToArray())));
    }
}
