using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Core.Reactions;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Data.Reactions;
using Widget.Web.Realtime;

namespace Widget.Web.Reactions;

/// <summary>Adds and removes reactions, for the hub and the HTTP API alike, and pushes the new counts.</summary>
public sealed class ReactionService(
    ReactionStore store,
    PostPlaces places,
    ModerationStore moderation,
    ReactionRateLimiter rateLimiter,
    PostChanges changes,
    TimeProvider time)
{
    /// <summary>The most post ids one <see cref="MineAsync"/> call may ask about: a page of the widget and some.</summary>
    public const int MaxOwnQuery = 200;

    public async Task<ReactionResult> ReactAsync(long userId, long postId, string? emoji, bool on, CancellationToken ct)
    {
        if (!ReactionSet.IsKnown(emoji))
        {
            return ReactionResult.Refused(new PostRejection(PostRejectionReason.Invalid, ReactionSet.Unknown));
        }

        var tags = await places.ShownInAsync(postId, ct);
        if (tags.Count == 0)
        {
            return ReactionResult.Refused(EditRules.Gone(postId));
        }

        // A reaction is seen in every tag of the post, so a ban in any of them stops it, as for a hashtag.
        var ban = (await moderation.BansOnAsync(userId, tags, ct)).InForce;
        if (ban is { Shadow: false })
        {
            return ReactionResult.Refused(BanMessages.Rejection(ban.Tag, ban.Until, ban.Reason, time.GetUtcNow()));
        }

        if (rateLimiter.Take(userId) is { Acquired: false } lease)
        {
            return ReactionResult.Refused(PostRejection.RateLimited(lease.RetryAfter));
        }

        // Under a shadow ban nothing is stored and nobody is told, as with the user's posts.
        var changed = ban is null && (on
            ? await store.AddAsync(postId, userId, emoji!, time.GetUtcNow(), ct)
            : await store.RemoveAsync(postId, userId, emoji!, ct));
        var counts = await store.CountsAsync(postId, ct);
        if (changed)
        {
            await changes.ReactionsChangedAsync(postId, counts, tags);
        }

        return new ReactionResult(counts, null);
    }

    public Task<IReadOnlyList<OwnReaction>> MineAsync(long userId, IReadOnlyCollection<long> postIds, CancellationToken ct) =>
        store.MineAsync(userId, postIds, ct);
}
