using Microsoft.EntityFrameworkCore;
using Widget.Core.Reactions;

namespace Widget.Data.Reactions;

/// <summary>People's reactions to posts. Adding and removing are idempotent: the primary key is (post, person, emoji).</summary>
public sealed class ReactionStore(WidgetDbContext db)
{
    /// <summary>True when the reaction is new; adding it again changes nothing.</summary>
    public async Task<bool> AddAsync(long postId, long userId, string emoji, DateTimeOffset now, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO post_reactions (post_id, user_id, emoji, created_at) VALUES ({postId}, {userId}, {emoji}, {now.ToUniversalTime()}) ON CONFLICT DO NOTHING",
            ct) == 1;

    /// <summary>True when there was such a reaction to remove.</summary>
    public async Task<bool> RemoveAsync(long postId, long userId, string emoji, CancellationToken ct) =>
        await db.PostReactions.Where(r => r.PostId == postId && r.UserId == userId && r.Emoji == emoji).ExecuteDeleteAsync(ct) == 1;

    public async Task<IReadOnlyList<ReactionCount>> CountsAsync(long postId, CancellationToken ct) =>
        (await ReactionCounts.OfAsync(db, [postId], ct)).GetValueOrDefault(postId) ?? [];

    /// <summary>Which of these posts the user reacted to, and with what: to highlight their own after a reload.</summary>
    public async Task<IReadOnlyList<OwnReaction>> MineAsync(long userId, IReadOnlyCollection<long> postIds, CancellationToken ct) =>
        await db.PostReactions.AsNoTracking()
            .Where(r => r.UserId == userId && postIds.Contains(r.PostId))
            .OrderBy(r => r.PostId)
            .Select(r => new OwnReaction(r.PostId, r.Emoji))
            .ToListAsync(ct);

    /// <summary>Every reaction of the user, oldest first, streamed for their data export.</summary>
    public IAsyncEnumerable<ExportedReaction> AllByUser(long userId) =>
        db.PostReactions.AsNoTracking()
            .Where(r => r.UserId == userId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.PostId)
            .Select(r => new ExportedReaction(r.PostId, r.Emoji, r.CreatedAt))
            .AsAsyncEnumerable();
}
