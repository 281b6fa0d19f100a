using Microsoft.Extensions.Options;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Web.Moderation;

namespace Widget.Web.Posting;

/// <summary>The one way a post gets in, whether it comes over the hub or the HTTP API.</summary>
public sealed class PostingService(
    PostWriter writer,
    PostQueries queries,
    IPostingRateLimiter rateLimiter,
    ModerationStore moderation,
    PostingChecks checks,
    Threads threads,
    PostHolding holding,
    BanEnds banEnds,
    DeskNudges desks,
    IOptions<PostingOptions> options,
    TimeProvider time)
{
    /// <param name="replyTo">The post answered; a reply to a reply joins that reply's thread.</param>
    public async Task<PostResult> PostAsync(
        PostAuthor author, string? channel, Guid clientId, string? text, long? replyTo, CancellationToken ct)
    {
        if (!Tag.TryParse(channel, out var tag))
        {
            return PostResult.Refused(PostRejection.BadChannel());
        }

        if (clientId == Guid.Empty)
        {
            return PostResult.Refused(PostRejection.BadClientId());
        }

        var (clean, invalid) = PostText.Normalize(text, options.Value.MaxLength);
        if (invalid is not null)
        {
            return PostResult.Refused(invalid);
        }

        long? root = null;
        if (replyTo is { } target && (root = await threads.RootForReplyAsync(tag.Value.Value, target, ct)) is null)
        {
            // The parent may have gone after this reply was stored: a retry still gets the stored reply.
            var earlier = await queries.FindByClientIdAsync(author.UserId, clientId, ct);
            return earlier is not null ? new PostResult(earlier, null) : PostResult.Refused(ReplyRules.Gone(target, tag.Value.Value));
        }

        var post = NewPost.Create(author.UserId, clientId, tag.Value, clean!, root);
        // Postgres is the source of truth for bans and rules, so a change made on any node applies to the
        // next post here. Checked before the bucket, so a refused post costs no tokens.
        var tags = post.Tags.Select(t => t.Value).ToArray();
        var check = await checks.ReadAsync(author.UserId, tag.Value.Value, tags, ct);
        var bans = check.Bans;
        if (bans.RunOut.Count > 0)
        {
            // A timed ban ends without anyone acting; the first attempt after it tells the user's other widgets.
            await banEnds.TellAsync(author.UserId, await moderation.EndRunOutBansAsync(author.UserId, bans.RunOut, ct), ct);
        }

        var ban = bans.InForce;
        if (ban is { Shadow: false })
        {
            return PostResult.Refused(BanMessages.Rejection(ban.Tag, ban.Until, ban.Reason, time.GetUtcNow()));
        }

        if (check.Rules is { } channelRules && Refusal(tag.Value.Value, channelRules, clean!) is { } refusal)
        {
            // Slow mode must not refuse the retry of a post that was stored.
            var earlier = await queries.FindByClientIdAsync(author.UserId, clientId, ct);
            return earlier is not null ? new PostResult(earlier, null) : PostResult.Refused(refusal);
        }

        var lease = await rateLimiter.AcquireAsync(author.UserId, ct);
        if (!lease.Acquired)
        {
            // A retry of a post that was stored is not a new post: answer it even when the bucket is empty.
            var earlier = await queries.FindByClientIdAsync(author.UserId, clientId, ct);
            return earlier is not null ? new PostResult(earlier, null) : PostResult.Refused(PostRejection.RateLimited(lease.RetryAfter));
        }

        // A shadow ban outranks premoderation: such a post is never shown to anyone else, so it waits for nobody.
        if (ban is null && check.HoldingTag is { } queue && await holding.MustWaitAsync(queue, author.UserId, ct))
        {
            return await holding.HoldAsync(post, queue, ct);
        }

        // Viewers are sent a stored post by OrderedFeed, in each tag's seq order, whether or not its poster waits.
        var stored = await writer.StoreAsync(post, time.GetUtcNow(), shadow: ban is not null, ct);
        if (stored.Created)
        {
            desks.Nudge(tags);
        }

        return new PostResult(stored, null);
    }

    private PostRejection? Refusal(string tag, PostingRules rules, string text)
    {
        if (BlockedWords.FindIn(text, rules.BlockedWords) is { } word)
        {
            return BlockedWords.Rejection(tag, word);
        }

        return SlowMode.WaitLeft(rules.SlowModeSeconds, rules.LastPostAt, time.GetUtcNow()) is { } wait
            ? SlowMode.Rejection(tag, rules.SlowModeSeconds, wait)
            : null;
    }
}
