using System.Text;
using Widget.Core.Tags;

namespace Widget.Core.Text;

/// <summary>
/// Reads a post's text into plain text, links, tags, mentions and line breaks. Nothing else is
/// markup: whoever renders the tokens encodes every text character.
/// </summary>
public static class RichText
{
    private static readonly string[] Schemes = ["https://", "http://"];

    public static IReadOnlyList<RichTextToken> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = UserText.Clean(text);
        var tokens = new List<RichTextToken>();
        var plain = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            (RichTextToken? Token, int Length) token = source[i] switch
            {
                '\n' => (LineBreakToken.Instance, 1),
                '#' when StartsWord(source, i) => ReadTag(source, i),
                '@' when StartsWord(source, i) => ReadMention(source, i),
                'h' or 'H' when StartsWord(source, i) => ReadLink(source, i),
                _ => default,
            };
            if (token.Token is null)
            {
                plain.Append(source[i]);
                i++;
                continue;
            }

            Flush(plain, tokens);
            tokens.Add(token.Token);
            i += token.Length;
        }

        Flush(plain, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder plain, List<RichTextToken> tokens)
    {
        if (plain.Length > 0)
        {
            tokens.Add(new TextToken(plain.ToString()));
            plain.Clear();
        }
    }

    // Same rule as Hashtags: '#' or '@' inside a word ("C#", "me@host") or a URL is not a marker.
    private static bool StartsWord(string text, int i) =>
        i == 0 || !(TagCharacters.IsPart(text[i - 1]) || text[i - 1] is '#' or '/' or '&' or '@');

    private static (RichTextToken?, int) ReadTag(string text, int start)
    {
        var end = NameEnd(text, start + 1);
        var written = text[start..end];
        return Tag.TryParse(written, out var tag) ? (new TagToken(written, tag.Value.Value), end - start) : default;
    }

    private static (RichTextToken?, int) ReadMention(string text, int start)
    {
        var end = NameEnd(text, start + 1);
        var name = text[(start + 1)..end];
        // A mention names someone: at least one non-digit, and no longer than a display name's first word can be.
        return name.Length is > 0 and <= 64 && !name.All(char.IsDigit)
            ? (new MentionToken(text[start..end], name), end - start)
            : default;
    }

    private static int NameEnd(string text, int from)
    {
        var end = from;
        while (end < text.Length && TagCharacters.IsPart(text[end]))
        {
            end++;
        }

        return end;
    }

    private static (RichTextToken?, int) ReadLink(string text, int start)
    {
        var scheme = Array.Find(Schemes, s => string.Compare(text, start, s, 0, s.Length, StringComparison.OrdinalIgnoreCase) == 0);
        if (scheme is null)
        {
            return default;
        }

        var end = start + scheme.Length;
        while (end < text.Length && IsUrlCharacter(text[end]))
        {
            end++;
        }

        end = TrimTrailing(text, start + scheme.Length, end);
        var url = text[start..end];
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 &&
               (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? (new LinkToken(url), end - start)
            : default;
    }

    /// <summary>Letters of any script, and the ASCII characters RFC 3986 allows; never quotes, angle brackets or spaces.</summary>
    private static bool IsUrlCharacter(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&()*+,;=%".Contains(c, StringComparison.Ordinal)
                : TagCharacters.IsPart(c);

    /// <summary>"(see https://x.org/a_(b))." links "https://x.org/a_(b)": sentence punctuation and unmatched closers stay text.</summary>
    private static int TrimTrailing(string text, int hostStart, int end)
    {
        while (end > hostStart)
        {
            var last = text[end - 1];
            if (".,;:!?*".Contains(last, StringComparison.Ordinal) ||
                (last == ')' && Count(text, hostStart, end, '(') < Count(text, hostStart, end, ')')) ||
                (last == ']' && Count(text, hostStart, end, '[') < Count(text, hostStart, end, ']')))
            {
                end--;
                continue;
            }

            return end;
        }

        return end;
    }

    private static int Count(string text, int from, int to, char c)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            count += text[i] == c ? 1 : 0;
        }

        return count;
    }
}
