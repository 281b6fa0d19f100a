namespace Widget.Core.Sites;

/// <summary>
/// The site owner's CSS selector for page parts that "Browse together" never shares. The host page module
/// matches fields against it with <c>closest()</c>; the check here keeps it to selector characters with its
/// brackets, parentheses and quotes closed, so a typo is caught in the configurator rather than on the page
/// (where a selector the browser rejects makes the module share no field at all).
/// </summary>
public static class PrivateSelector
{
    public const int MaxLength = 500;

    private const string Punctuation = "#.:,[]()=\"'^$*|~+>-_ ";

    public static string? Problem(string? selector)
    {
        if (string.IsNullOrEmpty(selector))
        {
            return null;
        }

        if (selector.Length > MaxLength)
        {
            return $"The private parts selector can be at most {MaxLength} characters.";
        }

        if (selector.FirstOrDefault(c => !char.IsLetterOrDigit(c) && !Punctuation.Contains(c, StringComparison.Ordinal)) is var bad and not '\0')
        {
            return $"The private parts selector cannot contain '{(char.IsControl(bad) ? ' ' : bad)}': use a CSS selector such as #account, .private or [data-secret].";
        }

        return Balanced(selector) && selector.Split(',').All(part => part.Trim().Length > 0)
            ? null
            : "The private parts selector is not a CSS selector: check its commas, brackets, parentheses and quotes.";
    }

    private static bool Balanced(string selector)
    {
        var open = new Stack<char>();
        char? quote = null;
        foreach (var c in selector)
        {
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '(')
            {
                open.Push(c == '[' ? ']' : ')');
            }
            else if (c is ']' or ')' && (open.Count == 0 || open.Pop() != c))
            {
                return false;
            }
        }

        return quote is null && open.Count == 0;
    }
}
