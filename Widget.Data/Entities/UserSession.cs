namespace Widget.Data.Entities;

/// <summary>One sign-in at a provider; every token handed to a widget carries its id, so revoking it signs out everywhere.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public long UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
