using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Entities;
using Widget.Data.Reactions;

namespace Widget.Data.Posts;

/// <summary>
/// Reads posts. Every timeline query walks the (tag, seq) key: keyset paging, never OFFSET. Posts hidden
/// from a tag or deleted are left out; their seq stays taken, so catch-up after any seq stays exact.
/// </summary>
public sealed class PostQueries(WidgetDbContext db)
{
    private static readonly Expression<Func<PostTag, PostRow>> ToRow = pt => new PostRow(pt.Seq, pt.Post!.Id,
        pt.Post.AuthorId, pt.Post.Author!.DisplayName, pt.Post.Text, pt.Post.CreatedAt, pt.Post.Channel, pt.Post.ReplyToId,
        pt.Post.ReplyTo!.DeletedAt == null ? pt.Post.ReplyTo.Author!.DisplayName : null, pt.Post.EditedAt);

    /// <summary>The newest posts of a tag older than <paramref name="beforeSeq"/>, newest first.</summary>
    public async Task<IReadOnlyList<ChannelPost>> LatestAsync(Tag tag, long? beforeSeq, int limit, CancellationToken ct)
    {
        var before = beforeSeq ?? long.MaxValue;
        var rows = await db.PostTags.AsNoTracking()
            .Where(pt => pt.Tag == tag.Value && pt.Seq < before && pt.HiddenAt == null && pt.Post!.DeletedAt == null)
            .OrderByDescending(pt => pt.Seq)
            .Take(limit)
            .Select(ToRow)
            .ToListAsync(ct);
        return await ReactionCounts.AddToAsync(db, rows.ConvertAll(r => r.ToChannelPost()), ct);
    }

    /// <summary>The posts of a tag after <paramref name="afterSeq"/>, oldest first: what a reconnecting viewer missed.</summary>
    public async Task<IReadOnlyList<ChannelPost>> AfterAsync(Tag tag, long afterSeq, int limit, CancellationToken ct)
    {
        var rows = await db.PostTags.AsNoTracking()
            .Where(pt => pt.Tag == tag.Value && pt.Seq > afterSeq && pt.HiddenAt == null && pt.Post!.DeletedAt == null)
            .OrderBy(pt => pt.Seq)
            .Take(limit)
            .Select(ToRow)
            .ToListAsync(ct);
        return await ReactionCounts.AddToAsync(db, rows.ConvertAll(r => r.ToChannelPost()), ct);
    }

    /// <summary>A post as the public sees it: not deleted, not written under a shadow ban.</summary>
    public Task<Post?> FindAsync(long id, CancellationToken ct) => FindAsync(id, withShadow: false, ct);

    /// <summary>A post that is not deleted, shadow-banned or not: to act on (its author still sees it), never to show.</summary>
    public Task<Post?> FindStoredAsync(long id, CancellationToken ct) => FindAsync(id, withShadow: true, ct);

    private async Task<Post?> FindAsync(long id, bool withShadow, CancellationToken ct)
    {
        var row = await db.Posts.AsNoTracking()
            .Where(p => p.Id == id && p.DeletedAt == null && (withShadow || !p.Shadow))
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
            .Select(pt => new { pt.Tag, Row = new PostRow(pt.Seq, pt.Post!.Id, pt.Post.AuthorId,
                pt.Post.Author!.DisplayName, pt.Post.Text, pt.Post.CreatedAt, pt.Post.Channel, pt.Post.ReplyToId,
                pt.Post.ReplyTo!.DeletedAt == null ? pt.Post.ReplyTo.Author!.DisplayName : null, pt.Post.EditedAt) })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var post = rows[0].Row.ToChannelPost().Post;
        return new StoredPost(post, rows.ConvertAll(r => new Placement(r.Tag, r.Row.Seq)), Created: false);
    }

    private sealed record PostRow(
        long Seq, long Id, long AuthorId, string AuthorName, string Text, DateTimeOffset CreatedAt, string Channel,
        long? ReplyToId, string? ReplyToAuthor, DateTimeOffset? EditedAt)
    {
        public ChannelPost ToChannelPost() =>
            new(Seq, new Posts.PostRow(Id, AuthorId, AuthorName, Text, CreatedAt, Channel, ReplyToId, ReplyToAuthor, EditedAt).ToPost());
    }
}
