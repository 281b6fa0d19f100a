using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Widget.Core.Posts;
using Widget.Data.Entities;
using Widget.Data.Reactions;

namespace Widget.Data.Posts;

/// <summary>Replies, one level deep: every reply points at its thread's root.</summary>
public sealed class Threads(WidgetDbContext db)
{
    private static readonly Expression<Func<PostTag, bool>> RootShown = ShownPosts.Expand<Func<PostTag, bool>>(
        pt => pt.Post!.ReplyToId == null || ShownPosts.IsShown(pt.Post.ReplyTo));

    /// <summary>
    /// The root a reply to <paramref name="postId"/> written in <paramref name="tag"/> attaches to: the post itself,
    /// or its own root when it is a reply. Null when the post is not shown in the tag or the thread's root is shown nowhere.
    /// </summary>
    public async Task<long?> RootForReplyAsync(string tag, long postId, CancellationToken ct) =>
        await db.PostTags.AsNoTracking().Shown()
            .Where(pt => pt.Tag == tag && pt.PostId == postId)
            .Where(RootShown)
            .Select(pt => (long?)(pt.Post!.ReplyToId ?? pt.PostId))
            .FirstOrDefaultAsync(ct);

    /// <summary>A root's replies that are still shown somewhere, oldest first.</summary>
    public async Task<IReadOnlyList<Post>> RepliesAsync(long rootId, int limit, CancellationToken ct)
    {
        var rows = await db.Posts.AsNoTracking().Shown()
            .Where(p => p.ReplyToId == rootId)
            .OrderBy(p => p.Id)
            .Take(limit)
            .Select(PostRow.FromEntry)
            .ToListAsync(ct);
        return await ReactionCounts.AddToAsync(db, rows.ConvertAll(r => r.ToPost()), ct);
    }
}
