using System.Text.RegularExpressions;

namespace Widget.Core.Sites;

/// <summary>
/// A site owner's own CSS for their widget. It is served as a separate stylesheet under the widget's
/// strict CSP, which already stops it loading anything from elsewhere; refusing remote loads here too
/// tells the owner why at once instead of leaving them with a silently broken style.
/// </summary>
public static partial class CustomCss
{
    // Small enough that a draft travels in the preview frame's URL under Kestrel's 8 KB request-line limit.
    public const int MaxLength = 4096;

    public static string? Problem(string? css)
    {
        if (string.IsNullOrEmpty(css))
        {
            return null;
        }

        if (css.Length > MaxLength)
        {
            return $"Custom CSS can be at most {MaxLength} characters.";
        }

        if (css.Contains("@import", StringComparison.OrdinalIgnoreCase) || RemoteUrl().IsMatch(css))
        {
            return "Custom CSS cannot load anything from other sites (no @import, no remote url()).";
        }

        return css.Contains('\0', StringComparison.Ordinal) ? "Custom CSS contains a NUL character." : null;
    }

    [GeneratedRegex(@"url\(\s*['""]?\s*(?!data:)[a-z][a-z0-9+.-]*:|url\(\s*['""]?\s*//", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteUrl();
}
