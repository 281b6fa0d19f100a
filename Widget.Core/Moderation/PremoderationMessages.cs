using Widget.Core.Posts;
using Widget.Core.Text;

namespace Widget.Core.Moderation;

/// <summary>The words an author of a held post reads, so the hub, the API and the widget say the same thing.</summary>
public static class PremoderationMessages
{
    public const int RejectReasonMaxLength = 200;

    public static Notice Held(string tag) => Notice.Of("Held.Waiting", tag);

    public static Notice Rejected(string tag, string reason) => UserText.Line(reason) is { Length: > 0 } clean
        ? Notice.Of("Held.RejectedBecause", tag, clean)
        : Notice.Of("Held.Rejected", tag);

    /// <summary>A retried send of a post that was not approved: sending it again will not change that.</summary>
    public static PostRejection Rejection(string tag, string reason) => new(PostRejectionReason.Forbidden, Rejected(tag, reason));
}
