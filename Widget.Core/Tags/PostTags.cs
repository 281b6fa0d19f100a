namespace Widget.Core.Tags;

/// <summary>The channels a post belongs to: the one it was written in, then its hashtags.</summary>
public static class PostTags
{
    /// <summary>More tags than this is spam, not conversation; the rest stay plain text.</summary>
    public const int MaxTagsPerPost = 10;

    public static IReadOnlyList<Tag> For(Tag channel, string text)
    {
        var tags = new List<Tag>(capacity: 4) { channel };
        foreach (var tag in Hashtags.Find(text))
        {
            if (tags.Count == MaxTagsPerPost)
            {
                break;
            }

            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }
}
