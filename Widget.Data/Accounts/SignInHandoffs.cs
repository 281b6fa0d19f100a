using Microsoft.EntityFrameworkCore;

namespace Widget.Data.Accounts;

/// <summary>
/// One-time codes that carry a sign-in from the popup to the iframe that asked for it.
/// A code is bound to the hash of a nonce the iframe chose, lives briefly, and is redeemed once.
/// </summary>
public sealed class SignInHandoffs(WidgetDbContext db, TimeProvider time)
{
    /// <summary>A nonce is used for one sign-in: a second completion with it replaces the first code.</summary>
    public async Task CreateAsync(byte[] nonceHash, string code, Guid sessionId, TimeSpan lifetime, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        await db.SignInHandoffs.Where(h => h.ExpiresAt < now).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sign_in_handoffs (nonce_hash, code, session_id, expires_at)
            VALUES ({nonceHash}, {code}, {sessionId}, {expires})
            ON CONFLICT (nonce_hash) DO UPDATE
            SET code = excluded.code, session_id = excluded.session_id, expires_at = excluded.expires_at, consumed_at = NULL
            """, ct);
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

    /// <summary>
    /// Marks the code used and returns its session, or null if it is wrong, used or expired; whether the
    /// session is still active is the caller's to check.
    /// </summary>
    public async Task<Guid?> RedeemAsync(byte[] nonceHash, string code, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // One conditional UPDATE that returns what it changed: of two concurrent redemptions only one
        // can change the row, and the session read is the one of the code that was redeemed.
        var sessions = await db.Database.SqlQuery<Guid>($"""
            UPDATE sign_in_handoffs SET consumed_at = {now}
            WHERE nonce_hash = {nonceHash} AND code = {code} AND consumed_at IS NULL AND expires_at > {now}
            RETURNING session_id AS "Value"
            """).ToListAsync(ct);
        return sessions.Count == 1 ? sessions[0] : null;
    }
}
