using Microsoft.EntityFrameworkCore;

namespace Widget.Data.Accounts;

/// <summary>
/// Deletes a user and, by the schema's cascades, their posts (with their places in every tag), their
/// external logins (so the provider identity is unlinked and would sign in as a new user), their
/// sessions and the sites they own. Deleting rather than anonymising: a post's text is the person's own words.
/// </summary>
public sealed class AccountDeletion(WidgetDbContext db)
{
    /// <summary>Returns the user's sessions, so the caller can close their open connections.</summary>
    public async Task<IReadOnlyList<Guid>> DeleteAsync(long userId, CancellationToken ct)
    {
        var sessions = await db.Sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(ct);
        // A session made after the read above goes with the user row; its tokens then find no session.
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
        return sessions;
    }
}
