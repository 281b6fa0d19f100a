using Widget.Core.Tags;

namespace Widget.Core.Posts;

/// <summary>A validated post about to be stored.</summary>
/// <param name="ClientId">Chosen by the sender's device, so a retried send is recognised as the same post.</param>
public sealed record NewPost(long AuthorId, Guid ClientId, string Text, IReadOnlyList<Tag> Tags)
{
    public Tag Channel => Tags[0];

    public static NewPost Create(long authorId, Guid clientId, Tag channel, string text) =>
        new(authorId, clientId, text, PostTags.For(channel, text));
}
