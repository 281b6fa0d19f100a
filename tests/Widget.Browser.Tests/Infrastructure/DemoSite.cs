using System.Net;
using Widget.Testing;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// The demo host's site (tools/demo-host/pages: a home page, a booking form and a pricing page with routes of its
/// own) on a host of its own, at the paths the demo serves it. Where the demo floats the chat in a bubble, the chat
/// is inline here, so that a test finds its frame in the page and its panel open.
/// </summary>
public sealed record DemoSite(Uri Home, Uri Book, Uri Pricing)
{
    private const string BubbleSnippet = """<script async src="{{WIDGET_ORIGIN}}/embed.js" data-widget-tag="{{TAG}}"></script>""";

    public static DemoSite Add(HostPages hostPages, Uri widget, string tag)
    {
        var pages = Path.Combine(RepoRoot.Path, "tools", "demo-host", "pages");
        var origin = widget.GetLeftPart(UriPartial.Authority);
        var inline = $"""<div data-widget-tag="{tag}" data-widget-min-height="300" data-widget-max-height="900"></div><script async src="{origin}/embed.js"></script>""";
        string Page(string name, Uri root) =>
            File.ReadAllText(Path.Combine(pages, name))
                .Replace(BubbleSnippet, inline, StringComparison.Ordinal)
                .Replace("{{HOST_ORIGIN}}", WebUtility.HtmlEncode(root.GetLeftPart(UriPartial.Authority)), StringComparison.Ordinal)
                .Replace("{{WIDGET_ORIGIN}}", WebUtility.HtmlEncode(origin), StringComparison.Ordinal)
                .Replace("{{WIDGET_SRC}}", WebUtility.HtmlEncode($"{origin}/w/{tag}"), StringComparison.Ordinal)
                .Replace("{{TAG}}", WebUtility.HtmlEncode(tag), StringComparison.Ordinal);

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var root = hostPages.AddSite(files);
        files["/"] = Page("index.html", root);
        files["/book"] = Page("book.html", root);
        files["/pricing"] = Page("pricing.html", root);
        files["/pricing.js"] = File.ReadAllText(Path.Combine(pages, "pricing.js"));
        return new DemoSite(root, new Uri(root, "/book"), new Uri(root, "/pricing"));
    }
}
