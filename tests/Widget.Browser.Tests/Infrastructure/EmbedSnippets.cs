namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// Webmasters' pages that load embed.js, as embed/README.md tells them to, plus one listener of the
/// test's own that keeps the last height each widget asked for (see <see cref="FrameHeight"/>).
/// </summary>
public static class EmbedSnippets
{
    /// <summary>Heights the test gives the inline containers, so that a few posts fall between them.</summary>
    public const int MinHeight = 120;

    public const int MaxHeight = 480;

    // Inline and before embed.js, so it hears every message the page hears; it only listens.
    private const string HeightRecorder = """
        <script>
          window.reportedHeights = new Map();
          addEventListener('message', (event) => {
            if (event.data?.type === 'widget:resize') window.reportedHeights.set(event.source, event.data.height);
          });
        </script>
        """;

    /// <summary>One container per tag and one script, the snippet the configurator hands out.</summary>
    public static string Inline(Uri widget, params string[] tags) =>
        Page(
            string.Concat(tags.Select(tag =>
                $"""<div data-widget-tag="{tag}" data-widget-min-height="{MinHeight}" data-widget-max-height="{MaxHeight}"></div>""")),
            $"""<script async src="{new Uri(widget, "/embed.js")}"></script>""");

    /// <summary>The tag on the script itself: a floating bubble that opens the chat in a panel.</summary>
    public static string Bubble(Uri widget, string tag) =>
        Page("", $"""<script async src="{new Uri(widget, "/embed.js")}" data-widget-tag="{tag}"></script>""");

    private static string Page(string body, string script) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>A webmaster's page</title></head>
        <body>
        <h1>A webmaster's page</h1>
        {HeightRecorder}
        {body}
        {script}
        </body>
        </html>
        """;
}
