namespace Widget.Core.Posts;

/// <summary>Why a post was refused, in words the author can act on.</summary>
/// <param name="RetryAfter">When trying again can succeed; null when it cannot without a change.</param>
public sealed record PostRejection(PostRejectionReason Reason, string Message, TimeSpan? RetryAfter = null)
{
    public static PostRejection Empty() => new(PostRejectionReason.Invalid, "Write something first.");

    public static PostRejection TooLong(int max) =>
        new(PostRejectionReason.TooLong, $"A post can be at most {max} characters long.");

    public static PostRejection BadChannel() =>
        new(PostRejectionReason.Invalid, "That is not a valid channel name.");

    public static PostRejection BadClientId() =>
        new(PostRejectionReason.Invalid, "The post needs a client id (a UUID chosen by the sender).");

    public static PostRejection RateLimited(TimeSpan retryAfter) =>
        new(PostRejectionReason.RateLimited,
            $"You are posting too fast. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.",
            retryAfter);
}
