namespace Widget.Data.Entities;

/// <summary>One person's reaction to a post: at most one row per person, post and emoji.</summary>
public sealed class PostReaction
{
    public long PostId { get; set; }

    public long UserId { get; set; }

    public required string Emoji { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
