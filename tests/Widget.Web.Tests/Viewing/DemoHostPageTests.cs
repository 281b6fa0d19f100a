using System.Text.RegularExpressions;
using Widget.Testing;
using Widget.Web.Sites;

namespace Widget.Web.Tests.Viewing;

/// <summary>The demo host page that ./run.sh serves is what a webmaster copies from; its plain iframe must be the snippet's.</summary>
public sealed partial class DemoHostPageTests
{
    [Fact]
    public void PlainIframe_OnTheDemoPage_AllowsWhatTheSnippetAllows_SoCallsWorkThere()
    {
        var html = File.ReadAllText(Path.Combine(RepoRoot.Path, "tools", "demo-host", "pages", "index.html"));

        var iframe = Assert.Single(IframeTag().Matches(html)).Value;

        Assert.Contains($"allow=\"{SiteSnippets.Allow}\"", iframe, StringComparison.Ordinal);
    }

    [GeneratedRegex("<iframe[^>]*>", RegexOptions.Singleline)]
    private static partial Regex IframeTag();
}
