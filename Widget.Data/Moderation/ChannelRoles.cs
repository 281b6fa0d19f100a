using Microsoft.EntityFrameworkCore;
using Widget.Data.Entities;

namespace Widget.Data.Moderation;

/// <summary>Who runs a tag: its owner (the site claim) and the moderators the owner appointed.</summary>
public sealed class ChannelRoles(WidgetDbContext db, TimeProvider time)
{
    public Task<bool> IsOwnerAsync(string tag, long userId, CancellationToken ct) =>
        db.Sites.AnyAsync(s => s.Tag == tag && s.OwnerId == userId, ct);

    /// <summary>Owner or appointed moderator, in one round trip.</summary>
    public Task<bool> IsModeratorAsync(string tag, long userId, CancellationToken ct) =>
        db.Sites.Where(s => s.Tag == tag && s.OwnerId == userId).Select(s => s.Tag)
            .Concat(db.ChannelModerators.Where(m => m.Tag == tag && m.UserId == userId).Select(m => m.Tag))
            .AnyAsync(ct);

    /// <summary>The owner and the appointed moderators, by user id: whom to tell of something waiting on them.</summary>
    public async Task<IReadOnlyList<long>> ModeratorIdsAsync(string tag, CancellationToken ct) =>
        await db.Sites.Where(s => s.Tag == tag).Select(s => s.OwnerId)
            .Concat(db.ChannelModerators.Where(m => m.Tag == tag).Select(m => m.UserId))
            .Distinct()
            .ToListAsync(ct);

    /// <summary>False when the user is a moderator already.</summary>
    public async Task<bool> AppointAsync(string tag, long userId, long ownerId, CancellationToken ct)
    {
        if (await db.ChannelModerators.AnyAsync(m => m.Tag == tag && m.UserId == userId, ct))
        {
            return false;
        }

        db.ChannelModerators.Add(new ChannelModerator
        {
            Tag = tag, UserId = userId, AppointedBy = ownerId, AppointedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RemoveAsync(string tag, long userId, CancellationToken ct) =>
        await db.ChannelModerators.Where(m => m.Tag == tag && m.UserId == userId).ExecuteDeleteAsync(ct) == 1;

    public async Task<IReadOnlyList<ModeratorEntry>> ModeratorsAsync(string tag, CancellationToken ct) =>
        await db.ChannelModerators.AsNoTracking()
            .Where(m => m.Tag == tag)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, m.AppointedAt })
            .OrderBy(m => m.DisplayName)
            .Select(m => new ModeratorEntry(m.Id, m.DisplayName, m.AppointedAt))
            .ToListAsync(ct);

    /// <summary>Finds someone to appoint by user id, or by the name of someone who has posted in the tag.</summary>
    public async Task<long?> FindUserAsync(string tag, string idOrName, CancellationToken ct)
    {
        if (long.TryParse(idOrName, out var id))
        {
            return await db.Users.AnyAsync(u => u.Id == id, ct) ? id : null;
        }

        return await db.PostTags.Where(pt => pt.Tag == tag && pt.Post!.Author!.DisplayName == idOrName)
            .OrderByDescending(pt => pt.Seq)
            .Select(pt => (long?)pt.Post!.AuthorId)
            .FirstOrDefaultAsync(ct);
    }
}
