using System.Globalization;
using Widget.Core.Posts;
using Widget.Core.Text;

namespace Widget.Core.Moderation;

/// <summary>A channel's word list: a post containing any of them, as a whole word in any case, is refused.</summary>
public static class BlockedWords
{
    public const int MaxWords = 200;

    public const int MaxWordLength = 64;

    /// <summary>The first blocked word the text contains, or null. Whole words only, so "ass" spares "class".</summary>
    public static string? FindIn(string text, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var at = 0;
            while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var end = at + word.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    return word;
                }

                at = end;
            }
        }

        return null;
    }

    /// <summary>
    /// One word per line or comma, trimmed, lower-cased, without repeats or blanks; cleaned as posts are
    /// (<see cref="UserText"/>), or a word pasted with a zero-width space inside would never match.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? list) =>
        (list ?? "").Split(['\n', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(w => UserText.Line(w).ToLower(CultureInfo.InvariantCulture))
            .Where(w => w.Length is > 0 and <= MaxWordLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToArray();

    public static PostRejection Rejection(string tag, string word) =>
        new(PostRejectionReason.Forbidden, Notice.Of("BlockedWord.Refused", tag, word));
}
