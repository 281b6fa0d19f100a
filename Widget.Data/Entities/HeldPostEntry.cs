namespace Widget.Data.Entities;

/// <summary>
/// A post waiting for a moderator. It lives apart from <see cref="PostEntry"/> so that no timeline, page,
/// feed or search can show it, and it has no place in any tag until it is approved. Its id is drawn from
/// the posts' own sequence, so the approved post keeps it and the author's pending copy is replaced in place.
/// </summary>
public sealed class HeldPostEntry
{
    public long Id { get; set; }

    public long AuthorId { get; set; }

    /// <summary>Unique per author, like a post's: a retried send finds the held post rather than holding it twice.</summary>
    public Guid ClientId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The tag the post was written in.</summary>
    public required string Channel { get; set; }

    /// <summary>Every tag the post will stand in once approved.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The root of the thread the post answers, kept for when it is approved.</summary>
    public long? ReplyToId { get; set; }

    /// <summary>The tag whose rule held the post: its moderators decide.</summary>
    public required string Tag { get; set; }

    /// <summary>Set when a moderator turned the post down. The row stays so a retried send is told, not queued again.</summary>
    public DateTimeOffset? RejectedAt { get; set; }

    public string RejectReason { get; set; } = "";

    public User? Author { get; set; }
}
