using Widget.Core.Reactions;

namespace Widget.Core.Posts;

/// <summary>A stored post as readers see it.</summary>
/// <param name="Channel">The tag the post was written in.</param>
/// <param name="Tags">Every tag the post carries, its channel first.</param>
/// <param name="ReplyTo">The thread's root post, when this post is a reply.</param>
/// <param name="EditedAt">When its author last changed the text.</param>
public sealed record Post(
    long Id,
    long AuthorId,
    string AuthorName,
    string Text,
    DateTimeOffset CreatedAt,
    string Channel,
    IReadOnlyList<string> Tags,
    PostReply? ReplyTo = null,
    DateTimeOffset? EditedAt = null)
{
    /// <summary>Counts per emoji, in <see cref="ReactionSet.All"/> order; empty until a list query fills it.</summary>
    public IReadOnlyList<ReactionCount> Reactions { get; init; } = [];

    /// <summary>The time a feed reader should see as the entry's last change.</summary>
    public DateTimeOffset UpdatedAt => EditedAt ?? CreatedAt;
}
