using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Web.Posting;

namespace Widget.Web.Moderation;

/// <summary>The posting path's side of premoderation: whether a post must wait, and holding it.</summary>
public sealed class PostHolding(
    PremoderationRules rules, ModeratorAccess access, HeldPosts held, PostQueries queries, HeldPostFeed feed, TimeProvider time)
{
    /// <summary>The tag whose moderators must approve the post first, or null. A channel's moderators never wait in its queue.</summary>
    public async Task<string?> QueueForAsync(long userId, IReadOnlyCollection<string> tags, CancellationToken ct) =>
        await rules.HoldingTagAsync(userId, tags, ct) is { } queue && !await access.CanModerateAsync(queue, userId, ct) ? queue : null;

    /// <summary>Holds the post, or answers a retried send with what became of it: still waiting, approved, or turned down.</summary>
    public async Task<PostResult> HoldAsync(NewPost post, string queue, CancellationToken ct)
    {
        var result = await held.HoldAsync(post, queue, time.GetUtcNow(), ct);
        if (result is null)
        {
            var stored = await queries.FindByClientIdAsync(post.AuthorId, post.ClientId, ct)
                ?? throw new InvalidOperationException("A held post conflicted with a stored post that cannot be found.");
            return new PostResult(stored, null);
        }

        if (result.RejectedAt is not null)
        {
            return PostResult.Refused(PremoderationMessages.Rejection(result.Tag, result.RejectReason));
        }

        if (result.Created)
        {
            await feed.HeldAsync(result, ct);
        }

        return PostResult.Holding(result);
    }
}
