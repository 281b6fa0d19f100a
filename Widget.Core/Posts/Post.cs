namespace Widget.Core.Posts;

/// <summary>A stored post as readers see it.</summary>
/// <param name="Channel">The tag the post was written in.</param>
/// <param name="Tags">Every tag the post carries, its channel first.</param>
public sealed record Post(
    long Id,
    long AuthorId,
    string AuthorName,
    string Text,
    DateTimeOffset CreatedAt,
    string Channel,
    IReadOnlyList<string> Tags);
