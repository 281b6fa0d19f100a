using Microsoft.EntityFrameworkCore;
using Widget.Core.Moderation;

namespace Widget.Data.Moderation;

/// <summary>Whether a post must wait for a moderator, by the premoderation of each tag it would stand in.</summary>
public sealed class PremoderationRules(WidgetDbContext db)
{
    /// <summary>
    /// The first of <paramref name="tags"/> (in sorted order) whose rule holds this user's post, or null. Every tag
    /// counts, so a hashtag cannot carry a post past a premoderated channel. One primary-key probe per tag, a
    /// miss for channels without rules; "first post" asks the (author, channel) index for an approved post.
    /// </summary>
    public Task<string?> HoldingTagAsync(long userId, IReadOnlyCollection<string> tags, CancellationToken ct) =>
        db.ChannelRules.AsNoTracking()
            .Where(r => tags.Contains(r.Tag))
            .Where(r => r.Premoderation == PremoderationMode.EveryPost
                || (r.Premoderation == PremoderationMode.FirstPost
                    && !db.Posts.Any(p => p.AuthorId == userId && p.Channel == r.Tag && !p.Shadow && p.DeletedAt == null)))
            .OrderBy(r => r.Tag)
            .Select(r => r.Tag)
            .FirstOrDefaultAsync(ct);
}
