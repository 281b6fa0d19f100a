using Widget.Core.Tags;

namespace Widget.Core.Posts;

/// <summary>A validated post about to be stored.</summary>
/// <param name="ClientId">Chosen by the sender's device, so a retried send is recognised as the same post.</param>
/// <param name="ReplyToId">The root of the thread this post answers, already resolved and checked.</param>
public sealed record NewPost(long AuthorId, Guid ClientId, string Text, IReadOnlyList<Tag> Tags, long? ReplyToId = null)
{
    public Tag Channel => Tags[0];

    public static NewPost Create(long authorId, Guid clientId, Tag channel, string text, long? replyToId = null) =>
        new(authorId, clientId, text, PostTags.For(channel, text), replyToId);
}
