using Widget.Core.Posts;

namespace Widget.Data.Posts;

/// <summary>Stores posts with their tags, in the next group commit.</summary>
public sealed class PostWriter(PostCommitQueue queue, PostQueries queries)
{
    /// <param name="shadow">Written under a shadow ban: stored hidden from every tag, seen by its author only.</param>
    public async Task<StoredPost> StoreAsync(NewPost post, DateTimeOffset now, bool shadow, CancellationToken ct)
    {
        // Postgres keeps microseconds; answering with what it stores keeps a retry's answer identical.
        now = now.AddTicks(-(now.Ticks % 10)).ToUniversalTime();
        return await queue.StoreAsync(new PendingPost(post, now, shadow), ct)
            ?? await queries.FindByClientIdAsync(post.AuthorId, post.ClientId, ct)
            ?? throw new InvalidOperationException("A post conflicted on its client id but cannot be found.");
    }
}
