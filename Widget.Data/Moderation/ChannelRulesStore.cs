using Microsoft.EntityFrameworkCore;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Data.Entities;
using Widget.Data.Posts;

namespace Widget.Data.Moderation;

/// <summary>A channel's slow mode, word list, premoderation and pinned post.</summary>
public sealed class ChannelRulesStore(WidgetDbContext db, PostQueries posts, TimeProvider time)
{
    public async Task<ChannelRules> GetAsync(string tag, CancellationToken ct) =>
        await db.ChannelRules.AsNoTracking().FirstOrDefaultAsync(r => r.Tag == tag, ct) ?? new ChannelRules { Tag = tag };

    /// <summary>The pinned post if it is still visible in the tag.</summary>
    public async Task<Post?> PinnedAsync(string tag, CancellationToken ct)
    {
        var id = await db.ChannelRules.Where(r => r.Tag == tag && r.PinnedPostId != null)
            .Where(r => db.PostTags.Any(pt => pt.Tag == tag && pt.PostId == r.PinnedPostId && pt.HiddenAt == null))
            .Select(r => r.PinnedPostId).FirstOrDefaultAsync(ct);
        return id is { } postId ? await posts.FindAsync(postId, ct) : null;
    }

    public Task SetSlowModeAsync(string tag, int seconds, long moderatorId, CancellationToken ct) =>
        ChangeAsync(tag, r => r.SlowModeSeconds = seconds, moderatorId, ModerationAction.SlowMode,
            seconds == 0 ? "off" : $"{seconds} s", null, ct);

    public Task SetBlockedWordsAsync(string tag, IReadOnlyList<string> words, long moderatorId, CancellationToken ct) =>
        ChangeAsync(tag, r => r.BlockedWords = [.. words], moderatorId, ModerationAction.BlockedWords,
            $"{words.Count} words", null, ct);

    public Task SetPremoderationAsync(string tag, PremoderationMode mode, long moderatorId, CancellationToken ct) =>
        ChangeAsync(tag, r => r.Premoderation = mode, moderatorId, ModerationAction.Premoderation, mode.ToString(), null, ct);

    /// <summary>Pins a post shown in the tag, or unpins with null; false if the post is not shown there.</summary>
    public async Task<bool> PinAsync(string tag, long? postId, long moderatorId, CancellationToken ct)
    {
        if (postId is { } id && !await db.PostTags.AnyAsync(
                pt => pt.Tag == tag && pt.PostId == id && pt.HiddenAt == null && pt.Post!.DeletedAt == null, ct))
        {
            return false;
        }

        await ChangeAsync(tag, r => r.PinnedPostId = postId, moderatorId,
            postId is null ? ModerationAction.Unpin : ModerationAction.Pin, "", postId, ct);
        return true;
    }

    private async Task ChangeAsync(
        string tag, Action<ChannelRules> change, long moderatorId, ModerationAction action, string detail, long? postId,
        CancellationToken ct)
    {
        var rules = await db.ChannelRules.FirstOrDefaultAsync(r => r.Tag == tag, ct);
        if (rules is null)
        {
            rules = new ChannelRules { Tag = tag };
            db.ChannelRules.Add(rules);
        }

        change(rules);
        db.ModerationLog.Add(new ModerationLogEntry
        {
            Tag = tag, ModeratorId = moderatorId, Action = action, PostId = postId, Detail = detail,
            At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }
}
