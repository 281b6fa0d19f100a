using Microsoft.EntityFrameworkCore;
using Widget.Data.Entities;

namespace Widget.Data.Accounts;

/// <summary>
/// One-time codes that carry a sign-in from the popup to the iframe that asked for it.
/// A code is bound to the hash of a nonce the iframe chose, lives briefly, and is redeemed once.
/// </summary>
public sealed class SignInHandoffs(WidgetDbContext db, TimeProvider time)
{
    public async Task CreateAsync(byte[] nonceHash, string code, Guid sessionId, TimeSpan lifetime, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // A nonce is used for one sign-in: a second completion with it replaces the first.
        await db.SignInHandoffs.Where(h => h.NonceHash == nonceHash || h.ExpiresAt < now).ExecuteDeleteAsync(ct);
        db.SignInHandoffs.Add(new SignInHandoff
        {
            NonceHash = nonceHash, Code = code, SessionId = sessionId, ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The code waiting for this nonce, for an iframe whose popup lost its link to it.</summary>
    public Task<string?> FindCodeAsync(byte[] nonceHash, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.SignInHandoffs.AsNoTracking()
            .Where(h => h.NonceHash == nonceHash && h.ConsumedAt == null && h.ExpiresAt > now)
            .Select(h => h.Code)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Marks the code used and returns its session, or null if it is wrong, used, expired or revoked.</summary>
    public async Task<Guid?> RedeemAsync(byte[] nonceHash, string code, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // One conditional UPDATE: of two concurrent redemptions, only one can change the row.
        var redeemed = await db.SignInHandoffs
            .Where(h => h.NonceHash == nonceHash && h.Code == code && h.ConsumedAt == null && h.ExpiresAt > now)
            .ExecuteUpdateAsync(h => h.SetProperty(x => x.ConsumedAt, now), ct);
        if (redeemed == 0)
        {
            return null;
        }

        return await db.SignInHandoffs.AsNoTracking()
            .Where(h => h.NonceHash == nonceHash)
            .Select(h => (Guid?)h.SessionId)
            .FirstOrDefaultAsync(ct);
    }
}
