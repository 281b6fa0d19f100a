using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Entities;
using Widget.Data.Reactions;

namespace Widget.Data.Posts;

/// <summary>
/// Reads posts. Every timeline query walks the (tag, seq) key: keyset paging, never OFFSET. Posts not
/// <see cref="ShownPosts">shown</see> in a tag are left out; their seq stays taken, so catch-up after any seq stays exact.
/// </summary>
public sealed class PostQueries(WidgetDbContext db)
{
    private static readonly Expression<Func<PostTag, PostRow>> ToRow = ShownPosts.Expand<Func<PostTag, PostRow>>(
        pt => new PostRow(pt.Tag, pt.Seq, pt.Post!.Id, pt.Post.AuthorId, pt.Post.Author!.DisplayName, pt.Post.Text,
            pt.Post.CreatedAt, pt.Post.Channel, pt.Post.ReplyToId,
            ShownPosts.IsShown(pt.Post.ReplyTo) ? pt.Post.ReplyTo!.Author!.DisplayName : null, pt.Post.EditedAt));

    /// <summary>The newest posts of a tag older than <paramref name="beforeSeq"/>, newest first.</summary>
    public async Task<IReadOnlyList<ChannelPost>> LatestAsync(Tag tag, long? beforeSeq, int limit, CancellationToken ct)
    {
        var before = beforeSeq ?? long.MaxValue;
        var rows = await db.PostTags.AsNoTracking().Shown()
            .Where(pt => pt.Tag == tag.Value && pt.Seq < before)
            .OrderByDescending(pt => pt.Seq)
            .Take(limit)
            .Select(ToRow)
            .ToListAsync(ct);
        return await ReactionCounts.AddToAsync(db, rows.ConvertAll(r => r.ToChannelPost()), ct);
    }

    /// <summary>The posts of a tag after <paramref name="afterSeq"/>, oldest first: what a reconnecting viewer missed.</summary>
    public async Task<IReadOnlyList<ChannelPost>> AfterAsync(Tag tag, long afterSeq, int limit, CancellationToken ct)
    {
        var rows = await db.PostTags.AsNoTracking().Shown()
            .Where(pt => pt.Tag == tag.Value && pt.Seq > afterSeq)
            .OrderBy(pt => pt.Seq)
            .Take(limit)
            .Select(ToRow)
            .ToListAsync(ct);
        return await ReactionCounts.AddToAsync(db, rows.ConvertAll(r => r.ToChannelPost()), ct);
    }

    /// <summary>A post as the public sees it: <see cref="ShownPosts">shown</see> in at least one of its tags.</summary>
    public Task<Post?> FindAsync(long id, CancellationToken ct) => FindAsync(db.Posts.Shown(), id, ct);

    /// <summary>A post that is not deleted, shown or not: to act on (its author still has it), never to show.</summary>
    public Task<Post?> FindStoredAsync(long id, CancellationToken ct) => FindAsync(db.Posts.Where(p => p.DeletedAt == null), id, ct);

    /// <summary>The posts a moderator hid from the tag, most recently hidden first: what the desk offers to unhide.</summary>
    public async Task<IReadOnlyList<ChannelPost>> HiddenAsync(Tag tag, int limit, CancellationToken ct)
    {
        var rows = await db.PostTags.AsNoTracking()
            .Where(pt => pt.Tag == tag.Value && pt.HiddenAt != null && pt.Post!.DeletedAt == null && !pt.Post.Shadow)
            .OrderByDescending(pt => pt.HiddenAt)
            .Take(limit)
            .Select(ToRow)
            .ToListAsync(ct);
        return rows.ConvertAll(r => r.ToChannelPost());
    }

    /// <summary>The post as shown in the tag, with its place there; null when it is not shown there.</summary>
    public async Task<ChannelPost?> InTagAsync(Tag tag, long postId, CancellationToken ct)
    {
        var row = await db.PostTags.AsNoTracking().Shown()
            .Where(pt => pt.Tag == tag.Value && pt.PostId == postId)
            .Select(ToRow)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (await ReactionCounts.AddToAsync(db, [row.ToChannelPost()], ct))[0];
    }

    private async Task<Post?> FindAsync(IQueryable<PostEntry> posts, long id, CancellationToken ct)
    {
        var row = await posts.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(Posts.PostRow.FromEntry)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (await ReactionCounts.AddToAsync(db, [row.ToPost()], ct))[0];
    }

    /// <summary>The post an author already stored under this client id, with its places in every tag.</summary>
    public async Task<StoredPost?> FindByClientIdAsync(long authorId, Guid clientId, CancellationToken ct)
    {
        var rows = await db.PostTags.AsNoTracking()
            .Where(pt => pt.Post!.AuthorId == authorId && pt.Post.ClientId == clientId)
            .OrderBy(pt => pt.Tag)
            .Select(ToRow)
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var post = rows[0].ToChannelPost().Post;
        return new StoredPost(post, rows.ConvertAll(r => new Placement(r.Tag, r.Seq)), Created: false);
    }

    private sealed record PostRow(
        string Tag, long Seq, long Id, long AuthorId, string AuthorName, string Text, DateTimeOffset CreatedAt, string Channel,
        long? ReplyToId, string? ReplyToAuthor, DateTimeOffset? EditedAt)
    {
        public ChannelPost ToChannelPost() =>
            new(Seq, new Posts.PostRow(Id, AuthorId, AuthorName, Text, CreatedAt, Channel, ReplyToId, ReplyToAuthor, EditedAt).ToPost());
    }
}
