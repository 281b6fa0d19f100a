using Widget.Core.Text;

namespace Widget.Core.Posts;

/// <summary>Why a reply was refused.</summary>
public static class ReplyRules
{
    public static PostRejection Gone(long postId, string tag) =>
        new(PostRejectionReason.NotFound, Notice.Of("Reply.Gone", postId, tag));
}
