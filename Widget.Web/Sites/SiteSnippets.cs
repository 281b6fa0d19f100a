using System.Globalization;
using Widget.Core.Sites;
using Widget.Core.Text;
using Widget.Web.Viewing;

namespace Widget.Web.Sites;

/// <summary>
/// What a webmaster pastes into their page. Attribute values escape only what HTML needs, so a Russian
/// title reads as Russian in the snippet rather than as a row of numeric entities.
/// </summary>
public static class SiteSnippets
{
    /// <summary>What the frame may use: the camera and microphone are asked for only when a visitor joins a call.</summary>
    public const string Allow = "storage-access; camera; microphone; display-capture; autoplay; fullscreen";

    /// <summary>Works with no script on the host page at all.</summary>
    public static string Iframe(Uri origin, string tag, SiteSettings settings)
    {
        var src = new Uri(origin, "/w/" + Uri.EscapeDataString(tag));
        return $"<iframe src=\"{src}\" title=\"{Attribute(Title(tag, settings))}\" width=\"{settings.Width}\" height=\"{settings.Height}\" " +
            $"style=\"border:0;max-width:100%\" loading=\"lazy\" allow=\"{Allow}\"></iframe>";
    }

    /// <summary>The embed script with a container: the chat sits where the container is and resizes itself.</summary>
    public static string Inline(Uri origin, string tag, SiteSettings settings) =>
        $"<div data-widget-tag=\"{Attribute(tag)}\" data-widget-title=\"{Attribute(Title(tag, settings))}\"></div>\n" +
        $"<script async src=\"{new Uri(origin, "/embed.js")}\"></script>";

    /// <summary>The embed script alone: a button in the page's corner, in the site's accent, opens the chat.</summary>
    public static string Bubble(Uri origin, string tag, SiteSettings settings)
    {
        var accent = HexColor.IsValid(settings.AccentColor) ? $" data-widget-accent=\"{settings.AccentColor}\"" : "";
        return $"<script async src=\"{new Uri(origin, "/embed.js")}\" data-widget-tag=\"{Attribute(tag)}\" " +
            $"data-widget-title=\"{Attribute(Title(tag, settings))}\"{accent}></script>";
    }

    // Without a title of its own the chat is named as the widget names itself, in the site's language.
    private static string Title(string tag, SiteSettings settings) =>
        UserText.Line(settings.Title) is { Length: > 0 } own
            ? own
            : string.Format(CultureInfo.InvariantCulture, WidgetLabels.For(settings.Language).Chat, tag);

    private static string Attribute(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
