using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Accounts;
using Widget.Data.Posts;

namespace Widget.Data.Tests;

/// <summary>Puts users and posts in a test database through the same services the web host uses.</summary>
public static class Seeding
{
    public const string Issuer = "https://id.example.test";

    public static Task<SessionUser> SignInAsync(this TestDatabase db, string displayName, CancellationToken ct) =>
        db.SignInAsync(Issuer, "sub-" + displayName, displayName, ct);

    public static Task<SessionUser> SignInAsync(
        this TestDatabase db, string issuer, string subject, string displayName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.InScopeAsync<AccountStore, SessionUser>(accounts => accounts.SignInAsync(issuer, subject, displayName, ct));
    }

    public static Task<StoredPost> PostAsync(this TestDatabase db, long authorId, string channel, string text, CancellationToken ct) =>
        db.PostAsync(NewPost.Create(authorId, Guid.NewGuid(), Tag.Parse(channel), text), ct);

    public static Task<StoredPost> PostAsync(this TestDatabase db, NewPost post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.InScopeAsync<PostWriter, StoredPost>(writer => writer.StoreAsync(post, db.Time.GetUtcNow(), shadow: false, ct));
    }
}
