using Widget.Core.Tags;
using Widget.Core.Text;

namespace Widget.Core.Posts;

/// <summary>
/// What an edit may change. A post's places in its tags' timelines (one seq per tag) are given when it is
/// stored, so an edit keeps the text's set of tags as it was: adding a hashtag would need a seq the tag's
/// viewers have long passed, and removing one would leave the post in a timeline it no longer names.
/// </summary>
public static class EditRules
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    /// <summary>Why <paramref name="editorId"/> may not edit <paramref name="post"/> now, or null when they may.</summary>
    public static PostRejection? Refusal(Post post, long editorId, DateTimeOffset now, TimeSpan window)
    {
        if (post.AuthorId != editorId)
        {
            return new(PostRejectionReason.Forbidden, Notice.Of("Edit.NotAuthor"));
        }

        return now - post.CreatedAt > window
            ? new(PostRejectionReason.Forbidden, TooLate(window))
            : null;
    }

    /// <summary>Refuses new text whose hashtags differ from the post's, as a set.</summary>
    public static PostRejection? TagsChanged(Post post, string newText)
    {
        var now = PostTags.For(Tag.Parse(post.Channel), newText).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        return now.SetEquals(post.Tags)
            ? null
            : new(PostRejectionReason.Invalid, Notice.Of("Edit.TagsChanged", string.Join(", ", post.Tags.Select(t => "#" + t))));
    }

    public static PostRejection Gone(long postId) =>
        new(PostRejectionReason.NotFound, Notice.Of("Post.Gone", postId));

    private static Notice TooLate(TimeSpan window) =>
        window.TotalMinutes >= 1 && window.Seconds == 0
            ? Notice.Plural("Edit.TooLateMinutes", (long)window.TotalMinutes)
            : Notice.Plural("Edit.TooLateSeconds", (long)Math.Ceiling(window.TotalSeconds));
}
