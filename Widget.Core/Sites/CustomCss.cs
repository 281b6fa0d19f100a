using System.Text.RegularExpressions;

namespace Widget.Core.Sites;

/// <summary>
/// A site owner's own CSS for their widget. It is served as a separate stylesheet under the widget's
/// strict CSP, which already stops it loading anything from elsewhere; refusing loads and script here too
/// tells the owner why at once instead of leaving them with a silently broken style, and holds should the
/// CSP ever be loosened.
/// </summary>
/// <remarks>
/// The check reads the text as written and refuses what could make a browser read it otherwise: a CSS escape
/// ("u\72l(") is the only way to spell a name with other characters, so backslashes are refused outright (an
/// owner writes "→", not "\2192"). Comments split tokens for the browser ("u/**/rl(" is no url), yet the text
/// is checked both as written and with comments taken out, so no arrangement of comments and strings gets a
/// word past one of the two readings. Then only a short list of at-rules is allowed, and no function that
/// loads (url() only for data: addresses) or runs anything.
/// </remarks>
public static partial class CustomCss
{
    // Small enough that a draft travels in the preview frame's URL under Kestrel's 8 KB request-line limit.
    public const int MaxLength = 4096;

    private static readonly string[] AllowedAtRules = ["media", "supports", "container", "layer", "keyframes", "-webkit-keyframes"];

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

        if (css.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
        {
            return "Custom CSS contains a control character.";
        }

        if (css.Contains('\\', StringComparison.Ordinal))
        {
            return "Custom CSS cannot contain backslash escapes: write each character as itself.";
        }

        if (css.Contains('<', StringComparison.Ordinal))
        {
            return "Custom CSS cannot contain '<'.";
        }

        return Problem(css, "") ?? Problem(Comment().Replace(css, ""), " (with its comments taken out)");
    }

    private static string? Problem(string css, string reading)
    {
        if (AtRule().Matches(css).Select(m => m.Groups[1].Value.ToLowerInvariant()).FirstOrDefault(r => !AllowedAtRules.Contains(r)) is { } rule)
        {
            return $"Custom CSS cannot use @{rule}{reading}: only @media, @supports, @container, @layer and @keyframes.";
        }

        if (Script().Match(css) is { Success: true } script)
        {
            return $"Custom CSS cannot run script{reading}: no {script.Value.TrimEnd('(', ':', ' ')}.";
        }

        if (Loader().Match(css) is { Success: true } loader)
        {
            return $"Custom CSS cannot load anything{reading}: no {loader.Value.ToLowerInvariant()}).";
        }

        return Url().Matches(css).Any(m => !m.Groups[1].Success)
            ? $"Custom CSS cannot load anything from other sites{reading}: url() takes only data: addresses."
            : null;
    }

    // An unclosed comment runs to the end, as it does for the browser.
    [GeneratedRegex(@"/\*.*?(\*/|$)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"@(-?[a-z0-9_-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex AtRule();

    [GeneratedRegex(@"expression\s*\(|(?<![a-z0-9_-])behavior\s*:|-moz-binding|javascript\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Script();

    // Prefixed forms (-webkit-image-set, -moz-element) contain these names too.
    [GeneratedRegex(@"(image-set|image|cross-fade|element|src)\(", RegexOptions.IgnoreCase)]
    private static partial Regex Loader();

    [GeneratedRegex(@"url\(\s*['""]?\s*(data:)?", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
