using Microsoft.EntityFrameworkCore;
using Widget.Core.Moderation;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Sites;

/// <summary>Gives a channel a new owner, claimed or not, with the channel's audit line in the same transaction.</summary>
public sealed class SiteHandovers(WidgetDbContext db, TimeProvider time)
{
    /// <summary>
    /// The site keeps its settings and moderators: the new owner sees and changes them. Null when there is
    /// no user <paramref name="newOwnerId"/>. The caller has checked that <paramref name="administratorId"/> is one.
    /// </summary>
    public async Task<Handover?> HandOverAsync(Tag tag, long newOwnerId, long administratorId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var newOwnerName = await db.Users.Where(u => u.Id == newOwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        if (newOwnerName is null)
        {
            return null;
        }

        // A claim takes the same lock, so it cannot slip in between this read and the write below.
        await ChannelLock.TakeAsync(db, tag.Value, ct);
        var now = time.GetUtcNow();
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Tag == tag.Value, ct);
        string? previousOwner = null;
        if (site is null)
        {
            db.Sites.Add(Site.New(tag.Value, newOwnerId, now));
        }
        else
        {
            // A log line has one target user, the new owner; the one it was taken from is named in its detail.
            previousOwner = await db.Users.Where(u => u.Id == site.OwnerId)
                .Select(u => u.DisplayName + " (" + u.Id + ")").SingleAsync(ct);
            site.OwnerId = newOwnerId;
            site.UpdatedAt = now;
        }

        db.ModerationLog.Add(new ModerationLogEntry
        {
            Tag = tag.Value, ModeratorId = administratorId, Action = ModerationAction.HandOver, TargetUserId = newOwnerId,
            Detail = previousOwner ?? "", At = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Handover(previousOwner, newOwnerName);
    }
}
