namespace Widget.Web.Microblog;

/// <summary>What a public page tells browsers, search engines and link previews about itself.</summary>
/// <param name="CanonicalUrl">Absolute: canonical links and Open Graph want the whole address.</param>
/// <param name="FeedUrl">The page's Atom feed, if it has one.</param>
public sealed record PageMeta(string Title, string Description, string CanonicalUrl, string OgType = "website", string? FeedUrl = null)
{
    public const string SiteName = "Live widget";

    public static PageMeta For(HttpRequest request, string path, string title, string description, string ogType = "website",
        string? feedPath = null)
    {
        var origin = $"{request.Scheme}://{request.Host}";
        return new PageMeta(title, description, origin + path, ogType, feedPath is null ? null : origin + feedPath);
    }
}
