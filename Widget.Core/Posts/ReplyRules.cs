namespace Widget.Core.Posts;

/// <summary>Why a reply was refused.</summary>
public static class ReplyRules
{
    public static PostRejection Gone(long postId, string tag) =>
        new(PostRejectionReason.NotFound,
            $"Post {postId} cannot be replied to in #{tag}: it does not exist, was deleted, or is not shown there.");
}
