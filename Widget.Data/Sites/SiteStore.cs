using Microsoft.EntityFrameworkCore;
using Npgsql;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Sites;

/// <summary>Claims on tags and the settings of each claimed site.</summary>
public sealed class SiteStore(WidgetDbContext db, TimeProvider time)
{
    /// <summary>
    /// A tag can be claimed once, and only while nobody but the claimant has posted in it (see
    /// <see cref="ClaimMessages"/>). The check and the claim share one transaction that first takes the
    /// channel's lock, as every post in the tag does, so neither a post nor a second claim lands between them.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(Tag tag, long ownerId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ChannelLock.TakeAsync(db, tag.Value, ct);
        if (await db.Sites.AnyAsync(s => s.Tag == tag.Value, ct))
        {
            return ClaimResult.AlreadyClaimed;
        }

        if (await OthersPostedAsync(tag.Value, ownerId, ct))
        {
            return ClaimResult.OthersPosted;
        }

        db.Sites.Add(Site.New(tag.Value, ownerId, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ClaimResult.Claimed;
    }

    /// <summary>
    /// Gives an unclaimed tag to <paramref name="ownerId"/> with <paramref name="settings"/> whoever posted in it, as an
    /// operator's configuration asks; false if the tag is claimed already, by this call's rival on another node too.
    /// </summary>
    public async Task<bool> AddIfUnclaimedAsync(Tag tag, long ownerId, SiteSettings settings, CancellationToken ct)
    {
        if (await db.Sites.AnyAsync(s => s.Tag == tag.Value, ct))
        {
            return false;
        }

        var site = Site.New(tag.Value, ownerId, time.GetUtcNow());
        site.Settings = settings;
        db.Sites.Add(site);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task<Site?> FindAsync(Tag tag, CancellationToken ct) =>
        db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Tag == tag.Value, ct);

    public async Task<IReadOnlyList<Site>> OwnedByAsync(long ownerId, CancellationToken ct) =>
        await db.Sites.AsNoTracking().Where(s => s.OwnerId == ownerId).OrderBy(s => s.Tag).ToListAsync(ct);

    /// <summary>Saves settings the caller has validated; false if the site is not this owner's.</summary>
    public async Task<bool> SaveAsync(Tag tag, long ownerId, SiteSettings settings, CancellationToken ct)
    {
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Tag == tag.Value && s.OwnerId == ownerId, ct);
        if (site is null)
        {
            return false;
        }

        site.Settings = settings;
        site.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Gives up the claim; the tag stays an open channel with its posts.</summary>
    public async Task<bool> ReleaseAsync(Tag tag, long ownerId, CancellationToken ct) =>
        await db.Sites.Where(s => s.Tag == tag.Value && s.OwnerId == ownerId).ExecuteDeleteAsync(ct) == 1;

    // Every post has a tag row for its channel, so this finds posts written in the tag and posts that name it,
    // deleted and hidden ones included, and posts still waiting for a moderator or turned down.
    private Task<bool> OthersPostedAsync(string tag, long userId, CancellationToken ct) =>
        db.PostTags.Where(t => t.Tag == tag && t.Post!.AuthorId != userId).Select(t => t.Tag)
            .Concat(db.HeldPosts.Where(h => h.AuthorId != userId && h.Tags.Contains(tag)).Select(h => h.Tag))
            .AnyAsync(ct);
}
