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
    public void Snippets_PointAtTheWidgetAndEncodeTheTitle()
    {
        var settings = new SiteSettings { Title = "\"><script>alert(1)</script>", Width = 320, Height = 500 };

        var cut = Render<WidgetPreview>(p => p.Add(x => x.Tag, "mysite").Add(x => x.Origin, Origin)
            .Add(x => x.Settings, settings).Add(x => x.PreviewUrl, "/w/mysite"));

        var iframe = cut.Find("#snippet-iframe").TextContent;
        var script = cut.Find("#snippet-script").TextContent;
        Assert.StartsWith("<iframe src=\"https://chat.example/w/mysite\"", iframe, StringComparison.Ordinal);
        Assert.Contains("width=\"320\" height=\"500\"", iframe, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", iframe, StringComparison.Ordinal);
        Assert.Contains("data-widget-tag=\"mysite\"", script, StringComparison.Ordinal);
        Assert.Contains("src=\"https://chat.example/embed.js\"", script, StringComparison.Ordinal);
    }
}
