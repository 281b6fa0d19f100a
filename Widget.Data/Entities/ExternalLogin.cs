namespace Widget.Data.Entities;

/// <summary>
/// An account at an OpenID provider, keyed by (issuer, subject) as OpenID Connect defines identity:
/// e-mail addresses are not stable or verified everywhere, so they never merge accounts.
/// </summary>
public sealed class ExternalLogin
{
    public required string Issuer { get; set; }

    public required string Subject { get; set; }

    public long UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
