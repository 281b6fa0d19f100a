using System.Globalization;
using System.Text;

namespace Widget.Core.Text;

/// <summary>
/// The one cleaning every user-written string passes through, when it comes in and again when stored text is
/// shown: names, posts, reasons, word lists, titles. What a reader sees must be all there is, so it drops
/// the bidi embedding, override, isolate and mark controls (they reorder the page's own text around them:
/// the desk showed "\u202Eevil\u202C admin" as "live admin") and every invisible character that could make
/// one name or word look like another or slip past the word list: zero-width spaces, word joiners, BOMs,
/// soft hyphens, fillers, tag characters, stray variation selectors; in short every format character (Cf)
/// and the few invisible letters and marks listed in <see cref="IsInvisible"/>.
/// </summary>
/// <remarks>
/// Joiners stay only where they change what is drawn: U+200D between emoji (a family is one glyph) and
/// U+200C/U+200D between letters of the Arabic and Indic scripts, whose spelling needs them. Elsewhere
/// they are invisible and go.
/// </remarks>
public static class UserText
{
    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>Text of several lines (a post): line breaks become "\n", tabs stay, whitespace is kept as written.</summary>
    public static string Clean(string text) => Rewrite(text, singleLine: false);

    /// <summary>Text of one line (a name, a reason, a title): every run of whitespace becomes one space, trimmed.</summary>
    public static string Line(string text) => Rewrite(text, singleLine: true);

    private static string Rewrite(string text, bool singleLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsRewrite(text, singleLine))
        {
            return text;
        }

        var runes = text.EnumerateRunes().ToArray();
        var kept = new StringBuilder(text.Length);
        var previous = default(Rune?);
        var pendingSpace = false;
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            var next = i + 1 < runes.Length ? runes[i + 1] : default(Rune?);
            if (rune.Value == '\r' && next?.Value == '\n')
            {
                continue;
            }

            if (rune.Value is '\r' or 0x2028 or 0x2029)
            {
                rune = new Rune('\n');
            }

            if (singleLine && (Rune.IsWhiteSpace(rune) || rune.Value == 0x2800))
            {
                pendingSpace = kept.Length > 0;
                continue;
            }

            if (!Keeps(rune, previous, next, singleLine))
            {
                continue;
            }

            if (pendingSpace)
            {
                kept.Append(' ');
                pendingSpace = false;
            }

            kept.Append(rune.ToString());
            previous = rune;
        }

        return kept.ToString();
    }

    // A first pass that allocates nothing, since nearly all text has nothing to drop.
    private static bool NeedsRewrite(string text, bool singleLine)
    {
        if (singleLine && (text.StartsWith(' ') || text.EndsWith(' ') || text.Contains("  ", StringComparison.Ordinal)))
        {
            return true;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x7F && rune.Value >= 0x20)
            {
                continue;
            }

            if (Rune.IsControl(rune) ? singleLine || rune.Value is not ('\n' or '\t')
                : (singleLine && Rune.IsWhiteSpace(rune)) || rune.Value is 0x2800 || IsInvisible(rune.Value) ||
                  rune.Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) ||
                  Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Keeps(Rune rune, Rune? previous, Rune? next, bool singleLine)
    {
        if (Rune.IsControl(rune))
        {
            return !singleLine && rune.Value is '\n' or '\t';
        }

        return rune.Value switch
        {
            ZeroWidthJoiner => (IsEmoji(previous) && IsSymbol(next)) || (InJoiningScript(previous) && InJoiningScript(next)),
            ZeroWidthNonJoiner => InJoiningScript(previous) && InJoiningScript(next),
            // Emoji presentation (U+FE0F) and its text twin select how the symbol before them is drawn.
            >= 0xFE00 and <= 0xFE0F => IsSymbol(previous),
            // Ideographic variation selectors pick a glyph of the CJK letter before them.
            >= 0xE0100 and <= 0xE01EF => previous is { } p && Rune.GetUnicodeCategory(p) == UnicodeCategory.OtherLetter,
            _ => Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format && !IsInvisible(rune.Value),
        };
    }

    /// <summary>Letters and marks that draw nothing: grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian selectors.</summary>
    private static bool IsInvisible(int c) =>
        c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0 or (>= 0x180B and <= 0x180F);

    /// <summary>A letter or mark that is invisible on its own, variation selectors included.</summary>
    internal static bool DrawsNothing(char c) => IsInvisible(c) || c is >= '\uFE00' and <= '\uFE0F';

    private static bool IsSymbol(Rune? rune) => rune is { } r && Rune.GetUnicodeCategory(r) == UnicodeCategory.OtherSymbol;

    // What may come before a joiner inside an emoji sequence: the emoji, its presentation selector or its skin tone.
    private static bool IsEmoji(Rune? rune) => IsSymbol(rune) || rune?.Value is 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF);

    // Arabic, Syriac, Thaana, N'Ko and the Indic scripts through Sinhala, with the Arabic presentation forms.
    private static bool InJoiningScript(Rune? rune) =>
        rune?.Value is (>= 0x0600 and <= 0x0DFF) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFC);
}
