using Widget.Core.Posts;

namespace Widget.Data.Posts;

/// <summary>A post the batch stored: its id, its author's name, the name of the author it replies to, and its seq in each of its tags.</summary>
internal sealed record BatchedPost(long Id, string AuthorName, string? ParentAuthorName, Dictionary<string, long> Seqs)
{
    public StoredPost ToStored(PendingPost pending)
    {
        var post = pending.Post;
        var tags = post.Tags.Select(t => t.Value).ToArray();
        var replyTo = post.ReplyToId is { } parent ? new PostReply(parent, ParentAuthorName) : null;
        var created = new Post(Id, post.AuthorId, AuthorName, post.Text, pending.CreatedAt, post.Channel.Value, tags, replyTo);
        var placements = tags.Order(StringComparer.Ordinal).Select(tag => new Placement(tag, Seqs[tag])).ToArray();
        return new StoredPost(created, placements, Created: true);
    }
}
