using Microsoft.EntityFrameworkCore;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Reactions;

namespace Widget.Data.Posts;

/// <summary>
/// Full-text search over posts, newest first and keyset-paged by id, and tag-name completion.
/// The user's words go through <c>websearch_to_tsquery</c> as a parameter: quotes, "or" and "-"
/// work as on a search engine, and nothing the user types is ever SQL or tsquery syntax.
/// </summary>
public sealed class PostSearch(WidgetDbContext db)
{
    public const string StemmedConfig = "russian";

    public const string ExactConfig = "simple";

    public async Task<IReadOnlyList<Post>> PostsAsync(string query, long? beforeId, int limit, CancellationToken ct)
    {
        var before = beforeId ?? long.MaxValue;
        var rows = await db.Posts.AsNoTracking().Shown()
            .Where(p => p.Id < before
                && p.SearchVector.Matches(
                EF.Functions.WebSearchToTsQuery(StemmedConfig, query).Or(EF.Functions.WebSearchToTsQuery(ExactConfig, query))))
            .OrderByDescending(p => p.Id)
            .Take(limit)
            .Select(PostRow.FromEntry)
            .ToListAsync(ct);
        return await ReactionCounts.AddToAsync(db, rows.ConvertAll(r => r.ToPost()), ct);
    }

    /// <summary>Tags that start with <paramref name="prefix"/> (already normalised), busiest channel first.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(Tag prefix, int limit, CancellationToken ct) =>
        await db.Channels.AsNoTracking()
            // A claim locks its tag's row, creating it with no posts yet.
            .Where(c => c.Tag.StartsWith(prefix.Value) && c.LastSeq > 0)
            .OrderByDescending(c => c.LastSeq).ThenBy(c => c.Tag)
            .Take(limit)
            .Select(c => c.Tag)
            .ToListAsync(ct);
}
