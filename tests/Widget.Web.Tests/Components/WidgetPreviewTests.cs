using Bunit;
using Widget.Core.Sites;
using Widget.Web.Sites;

namespace Widget.Web.Tests.Components;

public sealed class WidgetPreviewTests : BunitContext
{
    private static readonly Uri Origin = new("https://chat.example/");

    [Fact]
    public void Preview_FramesTheRealWidgetAtTheChosenSize()
    {
        var cut = Render<WidgetPreview>(p => p.Add(x => x.Tag, "mysite").Add(x => x.Origin, Origin)
            .Add(x => x.Settings, new SiteSettings { Width = 300, Height = 420 }).Add(x => x.PreviewUrl, "/w/mysite?preview=abc"));

        var frame = cut.Find("iframe");
        Assert.Equal("/w/mysite?preview=abc", frame.GetAttribute("src"));
        Assert.Equal("300", frame.GetAttribute("width"));
        Assert.Equal("420", frame.GetAttribute("height"));
    }

    [Fact]
    public void Snippets_OfferTheInlineScriptTheBubbleAndTheIframe_EachSayingWhenToUseIt()
    {
        var cut = RenderPreview(new SiteSettings { Title = "Our chat", AccentColor = "#ff6666", Width = 320, Height = 500 });

        var snippets = cut.FindAll(".site-snippet");
        Assert.Equal(["In the page", "Floating bubble", "Plain iframe"], snippets.Select(s => s.QuerySelector("label")!.TextContent));
        Assert.All(snippets, s => Assert.NotEmpty(s.QuerySelector(".hint")!.TextContent));
        Assert.Equal(
            "<div data-widget-tag=\"mysite\" data-widget-title=\"Our chat\"></div>\n<script async src=\"https://chat.example/embed.js\"></script>",
            cut.Find("#snippet-script").TextContent);
        Assert.Equal(
            "<script async src=\"https://chat.example/embed.js\" data-widget-tag=\"mysite\" data-widget-title=\"Our chat\" data-widget-accent=\"#ff6666\"></script>",
            cut.Find("#snippet-bubble").TextContent);
        Assert.Equal(
            "<iframe src=\"https://chat.example/w/mysite\" title=\"Our chat\" width=\"320\" height=\"500\" style=\"border:0;max-width:100%\" loading=\"lazy\" allow=\"storage-access; camera; microphone; display-capture; autoplay; fullscreen\"></iframe>",
            cut.Find("#snippet-iframe").TextContent);
    }

    [Fact]
    public void Snippets_WriteARussianTitleAsText_EscapingOnlyWhatHtmlNeeds()
    {
        var cut = RenderPreview(new SiteSettings { Title = "Чат «Котики» & \"друзья\" <18+> 😀" });

        const string Expected = "data-widget-title=\"Чат «Котики» &amp; &quot;друзья&quot; &lt;18+&gt; 😀\"";
        Assert.Contains(Expected, cut.Find("#snippet-script").TextContent, StringComparison.Ordinal);
        Assert.Contains(Expected, cut.Find("#snippet-bubble").TextContent, StringComparison.Ordinal);
        Assert.Contains("title=\"Чат «Котики» &amp; &quot;друзья&quot; &lt;18+&gt; 😀\"", cut.Find("#snippet-iframe").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_WithoutATitleOrAccent_NameTheChatByItsTagAndLeaveTheBubbleItsOwnColour()
    {
        var cut = RenderPreview(new SiteSettings());

        Assert.Contains("data-widget-title=\"Chat #mysite\"", cut.Find("#snippet-script").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("data-widget-accent", cut.Find("#snippet-bubble").TextContent, StringComparison.Ordinal);
        Assert.Contains("title=\"Chat #mysite\"", cut.Find("#snippet-iframe").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_WithoutATitle_NameTheChatInTheSitesLanguage()
    {
        var cut = RenderPreview(new SiteSettings { Language = WidgetLanguage.Ru });

        Assert.Contains("data-widget-title=\"Чат #mysite\"", cut.Find("#snippet-bubble").TextContent, StringComparison.Ordinal);
        Assert.Contains("title=\"Чат #mysite\"", cut.Find("#snippet-iframe").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_EachHaveACopyButtonNamedForTheirSnippet()
    {
        var cut = RenderPreview(new SiteSettings());

        var buttons = cut.FindAll("button[data-copy-from]");
        Assert.Equal(["snippet-script", "snippet-bubble", "snippet-iframe"], buttons.Select(b => b.GetAttribute("data-copy-from")));
        Assert.Equal(["Copy: In the page", "Copy: Floating bubble", "Copy: Plain iframe"], buttons.Select(b => b.GetAttribute("aria-label")));
        Assert.All(buttons, b => Assert.Equal("button", b.GetAttribute("type")));
    }

    [Fact]
    public void Snippets_PointAtTheWidgetAndEncodeTheTitle()
    {
        var settings = new SiteSettings { Title = "\"><script>alert(1)</script>", Width = 320, Height = 500 };

        var cut = RenderPreview(settings);

        var iframe = cut.Find("#snippet-iframe").TextContent;
        var script = cut.Find("#snippet-script").TextContent;
        var bubble = cut.Find("#snippet-bubble").TextContent;
        Assert.StartsWith("<iframe src=\"https://chat.example/w/mysite\"", iframe, StringComparison.Ordinal);
        Assert.Contains("width=\"320\" height=\"500\"", iframe, StringComparison.Ordinal);
        Assert.All([iframe, script, bubble], s => Assert.DoesNotContain("<script>", s, StringComparison.Ordinal));
        Assert.Contains("title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", bubble, StringComparison.Ordinal);
        Assert.Contains("data-widget-tag=\"mysite\"", script, StringComparison.Ordinal);
        Assert.Contains("src=\"https://chat.example/embed.js\"", script, StringComparison.Ordinal);
    }

    private IRenderedComponent<WidgetPreview> RenderPreview(SiteSettings settings) =>
        Render<WidgetPreview>(p => p.Add(x => x.Tag, "mysite").Add(x => x.Origin, Origin)
            .Add(x => x.Settings, settings).Add(x => x.PreviewUrl, "/w/mysite"));
}
