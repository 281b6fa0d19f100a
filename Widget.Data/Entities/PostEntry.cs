namespace Widget.Data.Entities;

public sealed class PostEntry
{
    public long Id { get; set; }

    public long AuthorId { get; set; }

    /// <summary>Chosen by the sender; unique per author, so a retried send finds the stored post.</summary>
    public Guid ClientId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The tag the post was written in.</summary>
    public required string Channel { get; set; }

    /// <summary>Set when the author or a moderator deleted the post: it leaves every timeline. The row stays so
    /// a retried send with the same client id still finds it instead of posting it again.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Written under a shadow ban: its tag rows are hidden from the start and only its author was told of it.</summary>
    public bool Shadow { get; set; }

    public User? Author { get; set; }
}
