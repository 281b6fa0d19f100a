using System.Text;
using System.Text.Encodings.Web;

namespace Widget.Bench.BareHub;

/// <summary>
/// A page shaped like the widget's, with 50 posts made up in memory and written with a StringBuilder:
/// the floor of what Kestrel takes to answer such a page with no database and no component rendering.
/// </summary>
public static class PageEndpoint
{
    private const int Posts = 50;

    public static IResult Get(string tag)
    {
        var page = new StringBuilder(16 * 1024);
        var title = HtmlEncoder.Default.Encode(tag);
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /><title>#").Append(title)
            .Append("</title></head><body><main class=\"widget\" data-tag=\"").Append(title).Append("\"><div class=\"posts\">");
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Posts; i++)
        {
            var post = new Post(i + 1, 1, "bench", $"bench 0 {i} {now.Ticks}", now, tag, [tag]);
            page.Append(Broadcaster.Html(post, i + 1));
        }

        page.Append("</div></main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }
}
