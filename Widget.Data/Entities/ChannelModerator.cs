namespace Widget.Data.Entities;

/// <summary>A user the site's owner appointed to moderate one tag.</summary>
public sealed class ChannelModerator
{
    public required string Tag { get; set; }

    public long UserId { get; set; }

    public long AppointedBy { get; set; }

    public DateTimeOffset AppointedAt { get; set; }
}
