using Microsoft.EntityFrameworkCore;
using Npgsql;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Entities;

namespace Widget.Data.Sites;

/// <summary>Claims on tags and the settings of each claimed site.</summary>
public sealed class SiteStore(WidgetDbContext db, TimeProvider time)
{
    /// <summary>A tag can be claimed once; the unique key, not a prior read, decides a race.</summary>
    public async Task<ClaimResult> ClaimAsync(Tag tag, long ownerId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        db.Sites.Add(new Site
        {
            Tag = tag.Value, OwnerId = ownerId, CreatedAt = now, UpdatedAt = now,
            Settings = new SiteSettings { Title = "#" + tag.Value },
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return ClaimResult.Claimed;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return ClaimResult.AlreadyClaimed;
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
}
