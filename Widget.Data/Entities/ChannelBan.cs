namespace Widget.Data.Entities;

/// <summary>A user barred from posting in one tag, until <see cref="Until"/> or, when null, for good.</summary>
public sealed class ChannelBan
{
    public required string Tag { get; set; }

    public long UserId { get; set; }

    public DateTimeOffset? Until { get; set; }

    public required string Reason { get; set; }

    /// <summary>A shadow ban: the user may post, but only they see their posts.</summary>
    public bool Shadow { get; set; }

    public long BannedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
