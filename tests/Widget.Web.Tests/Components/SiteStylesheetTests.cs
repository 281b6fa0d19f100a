using Widget.Core.Sites;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Components;

public sealed class SiteStylesheetTests
{
    [Fact]
    public void Render_WhenStoredCssNoLongerPassesTheCheck_LeavesItOut()
    {
        var css = SiteStylesheet.Render(new SiteSettings { AccentColor = "#ff0000", CustomCss = ".widget { background: u\\72l(https://evil.example/a) }" });

        Assert.Equal(".widget.widget{--widget-accent:#ff0000;}\n", css);
    }

    [Fact]
    public void Render_WhenCssPassesTheCheck_AppendsIt() =>
        Assert.EndsWith(".post { color: red }", SiteStylesheet.Render(new SiteSettings { CustomCss = ".post { color: red }" }), StringComparison.Ordinal);
}
