using System.Text.Encodings.Web;
using Widget.Core.Sites;

namespace Widget.Web.Sites;

/// <summary>What a webmaster pastes into their page.</summary>
public static class SiteSnippets
{
    /// <summary>Works with no script on the host page at all.</summary>
    public static string Iframe(Uri origin, string tag, SiteSettings settings)
    {
        var src = new Uri(origin, "/w/" + Uri.EscapeDataString(tag));
        var title = HtmlEncoder.Default.Encode(settings.Title.Length > 0 ? settings.Title : "Chat #" + tag);
        return $"<iframe src=\"{src}\" title=\"{title}\" width=\"{settings.Width}\" height=\"{settings.Height}\" " +
            "style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>";
    }

    /// <summary>The embed script: resizes the frame, tells the widget which page it is on, can float as a bubble.</summary>
    public static string Script(Uri origin, string tag) =>
        $"<div data-widget-tag=\"{HtmlEncoder.Default.Encode(tag)}\"></div>\n" +
        $"<script async src=\"{new Uri(origin, "/embed.js")}\"></script>";
}
