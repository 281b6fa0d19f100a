using Widget.Core.Text;

namespace Widget.Core.Posts;

/// <summary>The rules for a post's text: what is kept, what is dropped, how long it may be.</summary>
public static class PostText
{
    public const int DefaultMaxLength = 2000;

    /// <summary>
    /// Normalises line breaks, drops control, bidi and invisible characters (<see cref="UserText.Clean"/>:
    /// they only serve to confuse a reader, their screen reader or the word list) and trims. Returns the clean text, or why it cannot be posted.
    /// </summary>
    public static (string? Text, PostRejection? Rejection) Normalize(string? raw, int maxLength)
    {
        if (raw is null)
        {
            return (null, PostRejection.Empty());
        }

        // Refuse before copying: the limit is also what bounds the work done on hostile input.
        if (raw.Length > maxLength * 2)
        {
            return (null, PostRejection.TooLong(maxLength));
        }

        var text = UserText.Clean(raw).Trim();
        if (text.Length == 0)
        {
            return (null, PostRejection.Empty());
        }

        return text.Length > maxLength ? (null, PostRejection.TooLong(maxLength)) : (text, null);
    }
}
