using Microsoft.EntityFrameworkCore;
using Widget.Core.Posts;
using Widget.Core.Reactions;

namespace Widget.Data.Reactions;

/// <summary>Reaction counts for a page of posts in one grouped query on the key's post_id prefix, never one per post.</summary>
internal static class ReactionCounts
{
    public static async Task<Dictionary<long, IReadOnlyList<ReactionCount>>> OfAsync(
        WidgetDbContext db, IReadOnlyCollection<long> postIds, CancellationToken ct)
    {
        if (postIds.Count == 0)
        {
            return [];
        }

        var rows = await db.PostReactions.AsNoTracking()
            .Where(r => postIds.Contains(r.PostId))
            .GroupBy(r => new { r.PostId, r.Emoji })
            .Select(g => new { g.Key.PostId, g.Key.Emoji, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.PostId)
            .ToDictionary(g => g.Key, g => ReactionSet.InOrder(g.Select(r => new ReactionCount(r.Emoji, r.Count))));
    }

    public static async Task<IReadOnlyList<Post>> AddToAsync(WidgetDbContext db, IReadOnlyList<Post> posts, CancellationToken ct)
    {
        var counts = await OfAsync(db, posts.Select(p => p.Id).ToArray(), ct);
        return counts.Count == 0 ? posts : posts.Select(p => counts.TryGetValue(p.Id, out var c) ? p with { Reactions = c } : p).ToArray();
    }

    public static async Task<IReadOnlyList<ChannelPost>> AddToAsync(
        WidgetDbContext db, IReadOnlyList<ChannelPost> posts, CancellationToken ct)
    {
        var counts = await OfAsync(db, posts.Select(p => p.Post.Id).ToArray(), ct);
        return counts.Count == 0
            ? posts
            : posts.Select(p => counts.TryGetValue(p.Post.Id, out var c) ? p with { Post = p.Post with { Reactions = c } } : p).ToArray();
    }
}
