using System.Text;

namespace Widget.Core.Posts;

/// <summary>The rules for a post's text: what is kept, what is dropped, how long it may be.</summary>
public static class PostText
{
    public const int DefaultMaxLength = 2000;

    /// <summary>
    /// Normalises line breaks, drops control characters (they only serve to confuse a reader's
    /// terminal or screen reader) and trims. Returns the clean text, or why it cannot be posted.
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

        var text = Clean(raw).Trim();
        if (text.Length == 0)
        {
            return (null, PostRejection.Empty());
        }

        return text.Length > maxLength ? (null, PostRejection.TooLong(maxLength)) : (text, null);
    }

    private static string Clean(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
