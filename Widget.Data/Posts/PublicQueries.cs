using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Widget.Core.Posts;
using Widget.Data.Reactions;

namespace Widget.Data.Posts;

/// <summary>
/// Reads for the public pages: posts across all tags and by author, keyset-paged by post id (a browsing
/// page, unlike a live timeline, may show a slow commit a moment late), and the tags people use now.
/// Each shows only posts <see cref="ShownPosts">shown</see> somewhere: one hidden from a tag stays on them while
/// another of its tags still shows it.
/// </summary>
public sealed class PublicQueries(WidgetDbContext db)
{
    /// <summary>The newest posts of every tag older than post <paramref name="beforeId"/>, newest first.</summary>
    public async Task<IReadOnlyList<Post>> NewestAsync(long? beforeId, int limit, CancellationToken ct)
    {
        var before = beforeId ?? long.MaxValue;
        var rows = await db.Posts.AsNoTracking().Shown()
            .Where(p => p.Id < before)
            .OrderByDescending(p => p.Id)
            .Take(limit)
            .Select(PostRow.FromEntry)
            .ToListAsync(ct);
        return await ReactionCounts.AddToAsync(db, rows.ConvertAll(r => r.ToPost()), ct);
    }

    /// <summary>One author's posts older than post <paramref name="beforeId"/>, newest first; walks the (author_id, id) index.</summary>
    public async Task<IReadOnlyList<Post>> ByAuthorAsync(long authorId, long? beforeId, int limit, CancellationToken ct)
    {
        var before = beforeId ?? long.MaxValue;
        var rows = await db.Posts.AsNoTracking().Shown()
            .Where(p => p.AuthorId == authorId && p.Id < before)
            .OrderByDescending(p => p.Id)
            .Take(limit)
            .Select(PostRow.FromEntry)
            .ToListAsync(ct);
        return await ReactionCounts.AddToAsync(db, rows.ConvertAll(r => r.ToPost()), ct);
    }

    /// <summary>
    /// Every post of one author, oldest first, streamed: an export must not hold them all in memory. The author's
    /// own view, so it keeps what the public no longer sees.
    /// </summary>
    public async IAsyncEnumerable<Post> AllByAuthorAsync(long authorId, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.Posts.AsNoTracking().Where(p => p.AuthorId == authorId).OrderBy(p => p.Id).Select(PostRow.FromEntry).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row.ToPost();
        }
    }

    /// <summary>The tags with the most posts since <paramref name="since"/>, busiest first.</summary>
    public async Task<IReadOnlyList<TagActivity>> ActiveTagsAsync(DateTimeOffset since, int limit, CancellationToken ct) =>
        await db.PostTags.AsNoTracking().Shown()
            .Where(pt => pt.Post!.CreatedAt >= since)
            .GroupBy(pt => pt.Tag)
            .Select(g => new { Tag = g.Key, Posts = g.Count() })
            .OrderByDescending(a => a.Posts).ThenBy(a => a.Tag)
            .Take(limit)
            .Select(a => new TagActivity(a.Tag, a.Posts))
            .ToListAsync(ct);

    public Task<UserProfile?> FindUserAsync(long id, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new UserProfile(u.Id, u.DisplayName, u.CreatedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>Who a mention may mean: display names equal to <paramref name="name"/> ignoring case (names are not unique).</summary>
    public async Task<IReadOnlyList<UserProfile>> FindUsersNamedAsync(string name, int limit, CancellationToken ct)
    {
        // ILIKE without wildcards is a case-insensitive equality; a mention's '_' is a letter, not "any character".
        var pattern = name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        return await db.Users.AsNoTracking()
            .Where(u => EF.Functions.ILike(u.DisplayName, pattern, "\\"))
            .OrderBy(u => u.Id)
            .Take(limit)
            .Select(u => new UserProfile(u.Id, u.DisplayName, u.CreatedAt))
            .ToListAsync(ct);
    }
}
