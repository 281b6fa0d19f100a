using Widget.Core.Text;

namespace Widget.Core.Posts;

/// <summary>Why a post was refused, in words the author can act on.</summary>
/// <param name="RetryAfter">When trying again can succeed; null when it cannot without a change.</param>
public sealed record PostRejection(PostRejectionReason Reason, Notice Message, TimeSpan? RetryAfter = null)
{
    public static PostRejection Empty() => new(PostRejectionReason.Invalid, Notice.Of("Post.Empty"));

    public static PostRejection TooLong(int max) =>
        new(PostRejectionReason.TooLong, Notice.Plural("Post.TooLong", max));

    public static PostRejection BadChannel() => new(PostRejectionReason.Invalid, Notice.Of("Channel.Invalid"));

    public static PostRejection BadClientId() => new(PostRejectionReason.Invalid, Notice.Of("Post.NoClientId"));

    public static PostRejection RateLimited(TimeSpan retryAfter) =>
        new(PostRejectionReason.RateLimited, Notice.Of("Post.TooFast", Notice.Seconds(retryAfter)), retryAfter);
}
