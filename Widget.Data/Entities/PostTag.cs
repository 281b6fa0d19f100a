namespace Widget.Data.Entities;

/// <summary>
/// A post's place in one tag's timeline. <see cref="Seq"/> is given under the channel's row lock
/// inside the insert, so within a tag it grows in commit order and "after seq N" never skips a post.
/// </summary>
public sealed class PostTag
{
    public required string Tag { get; set; }

    public long Seq { get; set; }

    public long PostId { get; set; }

    /// <summary>Set when a moderator hid the post from this tag (it stays in its other tags), or at once
    /// for a post written under a shadow ban, so every timeline query leaves it out by the same test.</summary>
    public DateTimeOffset? HiddenAt { get; set; }

    public PostEntry? Post { get; set; }
}
