using Microsoft.EntityFrameworkCore;
using Widget.Core.Moderation;
using Widget.Data.Entities;

namespace Widget.Data.Moderation;

/// <summary>
/// The moderator actions on posts and users of a tag. Each change and its audit log line commit in one
/// transaction, so the log never misses an action nor names one that did not happen.
/// </summary>
public sealed class ModerationStore(WidgetDbContext db, TimeProvider time)
{
    /// <summary>Hides the post from one tag only; null when it is not (or no longer) visible there.</summary>
    public async Task<RemovedPost?> HideAsync(string tag, long postId, long moderatorId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var authorId = await db.PostTags.Where(pt => pt.Tag == tag && pt.PostId == postId && pt.HiddenAt == null)
            .Select(pt => (long?)pt.Post!.AuthorId).FirstOrDefaultAsync(ct);
        if (authorId is null
            || await db.PostTags.Where(pt => pt.Tag == tag && pt.PostId == postId && pt.HiddenAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(pt => pt.HiddenAt, now), ct) == 0)
        {
            return null;
        }

        Log(tag, moderatorId, ModerationAction.Hide, postId, authorId, "", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RemovedPost(postId, authorId.Value, [tag]);
    }

    /// <summary>
    /// Shows a post hidden from the tag there again; false when it is not hidden there or is deleted. A post written
    /// under a shadow ban is not a moderator's hiding to undo: it stays seen by its author alone.
    /// </summary>
    public async Task<bool> UnhideAsync(string tag, long postId, long moderatorId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var authorId = await db.PostTags
            .Where(pt => pt.Tag == tag && pt.PostId == postId && pt.HiddenAt != null && pt.Post!.DeletedAt == null && !pt.Post.Shadow)
            .Select(pt => (long?)pt.Post!.AuthorId).FirstOrDefaultAsync(ct);
        if (authorId is null
            || await db.PostTags.Where(pt => pt.Tag == tag && pt.PostId == postId && pt.HiddenAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(pt => pt.HiddenAt, (DateTimeOffset?)null), ct) == 0)
        {
            return false;
        }

        Log(tag, moderatorId, ModerationAction.Unhide, postId, authorId, "", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Deletes the post from every tag; null when there is no such post or it is gone already.</summary>
    public async Task<RemovedPost?> DeleteAsync(long postId, long deletedBy, string logTag, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var post = await db.Posts.Where(p => p.Id == postId && p.DeletedAt == null)
            .Select(p => new { p.AuthorId }).FirstOrDefaultAsync(ct);
        if (post is null
            || await db.Posts.Where(p => p.Id == postId && p.DeletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, now), ct) == 0)
        {
            return null;
        }

        var tags = await db.PostTags.Where(pt => pt.PostId == postId).Select(pt => pt.Tag).ToListAsync(ct);
        // An author deleting their own post is not a moderator action.
        if (deletedBy != post.AuthorId)
        {
            Log(logTag, deletedBy, ModerationAction.Delete, postId, post.AuthorId, "", now);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return new RemovedPost(postId, post.AuthorId, tags);
    }

    /// <summary>Bans (or re-bans with new terms) a user from a tag.</summary>
    public async Task<ActiveBan> BanAsync(
        string tag, long userId, DateTimeOffset? until, string reason, bool shadow, long moderatorId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ban = await db.ChannelBans.FirstOrDefaultAsync(b => b.Tag == tag && b.UserId == userId, ct);
        if (ban is null)
        {
            ban = new ChannelBan { Tag = tag, UserId = userId, Reason = reason };
            db.ChannelBans.Add(ban);
        }

        (ban.Until, ban.Reason, ban.Shadow, ban.BannedBy, ban.CreatedAt) = (until, reason, shadow, moderatorId, now);
        Log(tag, moderatorId, ModerationAction.Ban, null, userId, BanLogDetail.Write(tag, until, reason, shadow), now);
        await db.SaveChangesAsync(ct);
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(ct);
        return new ActiveBan(tag, userId, name, until, reason, shadow);
    }

    public async Task<bool> LiftBanAsync(string tag, long userId, long moderatorId, CancellationToken ct)
    {
        var ban = await db.ChannelBans.FirstOrDefaultAsync(b => b.Tag == tag && b.UserId == userId, ct);
        if (ban is null)
        {
            return false;
        }

        db.ChannelBans.Remove(ban);
        Log(tag, moderatorId, ModerationAction.LiftBan, null, userId, "", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// This user's bans in any of these tags: the primary key lookup every post makes. A timed ban that ran out
    /// is still a row until a post attempt finds it, so that attempt can also tell the user's widgets.
    /// </summary>
    public async Task<UserBans> BansOnAsync(long userId, IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        var rows = await db.ChannelBans.AsNoTracking()
            .Where(b => tags.Contains(b.Tag) && b.UserId == userId)
            .Select(b => new ActiveBan(b.Tag, b.UserId, "", b.Until, b.Reason, b.Shadow))
            .ToListAsync(ct);
        return UserBans.From(rows, time.GetUtcNow());
    }

    /// <summary>Removes this user's bans in <paramref name="tags"/> that ran out; the tags whose ban this call removed.</summary>
    public async Task<IReadOnlyList<string>> EndRunOutBansAsync(long userId, IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ended = new List<string>(tags.Count);
        foreach (var tag in tags)
        {
            // One at a time, so two posts racing here tell the widgets once.
            if (await db.ChannelBans.Where(b => b.Tag == tag && b.UserId == userId && b.Until <= now).ExecuteDeleteAsync(ct) > 0)
            {
                ended.Add(tag);
            }
        }

        return ended;
    }

    public async Task<IReadOnlyList<ActiveBan>> BansAsync(string tag, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.ChannelBans.AsNoTracking()
            .Where(b => b.Tag == tag && (b.Until == null || b.Until > now))
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { Ban = b, u.DisplayName })
            .OrderBy(x => x.DisplayName)
            .Select(x => new ActiveBan(x.Ban.Tag, x.Ban.UserId, x.DisplayName, x.Ban.Until, x.Ban.Reason, x.Ban.Shadow))
            .ToListAsync(ct);
    }

    public async Task LogAsync(
        string tag, long moderatorId, ModerationAction action, long? targetUserId, string detail, CancellationToken ct)
    {
        Log(tag, moderatorId, action, null, targetUserId, detail, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The tag's audit log, newest first. A line about a post that names no user (a pin) names the post's
    /// author, so the desk can say whose post it was.
    /// </summary>
    public async Task<IReadOnlyList<LogEntry>> LogOfAsync(string tag, int limit, CancellationToken ct) =>
        await db.ModerationLog.AsNoTracking()
            .Where(e => e.Tag == tag)
            .OrderByDescending(e => e.Id)
            .Take(limit)
            .Select(e => new
            {
                Entry = e,
                TargetId = e.TargetUserId ?? db.Posts.Where(p => p.Id == e.PostId).Select(p => (long?)p.AuthorId).FirstOrDefault(),
            })
            .Join(db.Users, x => x.Entry.ModeratorId, u => u.Id, (x, u) => new LogEntry(
                x.Entry.Id, x.Entry.Action, x.Entry.ModeratorId, u.DisplayName, x.Entry.PostId, x.TargetId, x.Entry.Detail,
                x.Entry.At, db.Users.Where(t => t.Id == x.TargetId).Select(t => t.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);

    private void Log(
        string tag, long moderatorId, ModerationAction action, long? postId, long? targetUserId, string detail, DateTimeOffset now) =>
        db.ModerationLog.Add(new ModerationLogEntry
        {
            Tag = tag, ModeratorId = moderatorId, Action = action, PostId = postId, TargetUserId = targetUserId,
            Detail = detail, At = now,
        });
}
