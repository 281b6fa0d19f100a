using Microsoft.Extensions.Options;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Web.Realtime;

namespace Widget.Web.Posting;

/// <summary>
/// An author changes their post's text within <see cref="PostingOptions.EditWindow"/>. The new text passes the
/// same rules as a new post (length, the channel's blocked words, bans, the rate limit) and keeps the post's tags.
/// </summary>
public sealed class PostEditing(
    PostQueries queries,
    PostEditor editor,
    PostPlaces places,
    IPostingRateLimiter rateLimiter,
    PostingChecks checks,
    PostChanges changes,
    IOptions<PostingOptions> options,
    TimeProvider time)
{
    public async Task<EditResult> EditAsync(PostAuthor author, long postId, string? text, CancellationToken ct)
    {
        var (clean, invalid) = PostText.Normalize(text, options.Value.MaxLength);
        if (invalid is not null)
        {
            return EditResult.Refused(invalid);
        }

        if (await queries.FindAsync(postId, ct) is not { } post)
        {
            return EditResult.Refused(EditRules.Gone(postId));
        }

        var window = options.Value.EditWindow;
        if ((EditRules.Refusal(post, author.UserId, time.GetUtcNow(), window) ?? EditRules.TagsChanged(post, clean!)) is { } refused)
        {
            return EditResult.Refused(refused);
        }

        if (clean == post.Text)
        {
            return new EditResult(post, null);
        }

        var check = await checks.ReadAsync(author.UserId, post.Channel, post.Tags, ct);
        if (check.Bans.InForce is { Shadow: false } ban)
        {
            return EditResult.Refused(BanMessages.Rejection(ban.Tag, ban.Until, ban.Reason, time.GetUtcNow()));
        }

        if (check.Rules is { } channelRules
            && BlockedWords.FindIn(clean!, channelRules.BlockedWords) is { } word)
        {
            return EditResult.Refused(BlockedWords.Rejection(post.Channel, word));
        }

        if (await rateLimiter.AcquireAsync(author.UserId, ct) is { Acquired: false } lease)
        {
            return EditResult.Refused(PostRejection.RateLimited(lease.RetryAfter));
        }

        // Postgres keeps microseconds; answering with what it stores keeps the page and the push alike.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        if (!await editor.ChangeTextAsync(postId, author.UserId, clean!, now, now - window, ct))
        {
            return EditResult.Refused(EditRules.Gone(postId));
        }

        var edited = post with { Text = clean!, EditedAt = now };
        await changes.EditedAsync(edited, await places.ShownInAsync(postId, ct));
        return new EditResult(edited, null);
    }
}
