using Microsoft.EntityFrameworkCore;
using Npgsql;
using Widget.Core.Accounts;
using Widget.Data.Entities;

namespace Widget.Data.Accounts;

/// <summary>Local users, the provider accounts they sign in with, and their sign-in sessions.</summary>
public sealed class AccountStore(WidgetDbContext db, TimeProvider time)
{
    /// <summary>Finds or creates the user behind (issuer, subject) and opens a new session for them.</summary>
    public async Task<SessionUser> SignInAsync(string issuer, string subject, string displayName, CancellationToken ct)
    {
        var name = DisplayName.Clean(displayName);
        var now = time.GetUtcNow();
        var user = await FindOrCreateUserAsync(issuer, subject, name, now, ct);
        var session = new UserSession { Id = Guid.CreateVersion7(now), UserId = user.Id, CreatedAt = now };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new SessionUser(session.Id, user.Id, user.DisplayName);
    }

    /// <summary>The user behind (issuer, subject), created under <paramref name="displayName"/> if they never signed in.</summary>
    public async Task<long> EnsureUserAsync(string issuer, string subject, string displayName, CancellationToken ct) =>
        (await FindUserAsync(issuer, subject, ct)
            ?? await FindOrCreateUserAsync(issuer, subject, DisplayName.Clean(displayName), time.GetUtcNow(), ct)).Id;

    public async Task<SessionUser?> FindActiveSessionAsync(Guid sessionId, CancellationToken ct) =>
        await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.RevokedAt == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SessionUser(s.Id, u.Id, u.DisplayName))
            .FirstOrDefaultAsync(ct);

    public async Task RevokeSessionAsync(Guid sessionId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
    }

    private async Task<User> FindOrCreateUserAsync(
        string issuer, string subject, string name, DateTimeOffset now, CancellationToken ct)
    {
        var existing = await FindUserAsync(issuer, subject, ct);
        if (existing is not null)
        {
            existing.DisplayName = name;
            return existing;
        }

        var user = new User { DisplayName = name, CreatedAt = now };
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        db.ExternalLogins.Add(new ExternalLogin { Issuer = issuer, Subject = subject, UserId = user.Id, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return user;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same account signed in twice at once: the other sign-in created the user first.
            db.ChangeTracker.Clear();
            await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(ct);
            return await FindUserAsync(issuer, subject, ct)
                ?? throw new InvalidOperationException("A login vanished while signing in.", e);
        }
    }

    private Task<User?> FindUserAsync(string issuer, string subject, CancellationToken ct) =>
        db.ExternalLogins
            .Where(l => l.Issuer == issuer && l.Subject == subject)
            .Join(db.Users, l => l.UserId, u => u.Id, (l, u) => u)
            .FirstOrDefaultAsync(ct);
}
