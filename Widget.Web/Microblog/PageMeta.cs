using Widget.Web.Hosting;

namespace Widget.Web.Microblog;

/// <summary>What a public page tells browsers, search engines and link previews about itself.</summary>
/// <param name="CanonicalUrl">Absolute: canonical links and Open Graph want the whole address.</param>
/// <param name="FeedUrl">The page's Atom feed, if it has one.</param>
public sealed record PageMeta(string Title, string Description, string CanonicalUrl, string OgType = "website", string? FeedUrl = null)
{
    public const string SiteName = "Live widget";

    public static PageMeta For(PublicUrls urls, string path, string title, string description, string ogType = "website",
        string? feedPath = null) =>
        new(title, description, urls.Absolute(path), ogType, feedPath is null ? null : urls.Absolute(feedPath));
}
