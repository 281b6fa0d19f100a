using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Web.Posting;

namespace Widget.Web.Moderation;

/// <summary>The posting path's side of premoderation: whether a post must wait, and holding it.</summary>
public sealed class PostHolding(
    ModeratorAccess access, HeldPosts held, PostQueries queries, HeldPostFeed feed, TimeProvider time)
{
    /// <summary>Whether a post that <paramref name="holdingTag"/>'s premoderation would hold must wait there:
    /// a channel's moderators never wait in its queue.</summary>
    public async Task<bool> MustWaitAsync(string holdingTag, long userId, CancellationToken ct) =>
        !await access.CanModerateAsync(holdingTag, userId, ct);

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
