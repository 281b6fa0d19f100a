using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Widget.Web.Hosting;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Components;

/// <summary>Hostile input and the exact markup it must come out as: only our anchors, everything else text.</summary>
public sealed class RichPostTextTests : BunitContext
{
    public RichPostTextTests() =>
        Services.AddSingleton(Options.Create(new HostingOptions { PublicOrigin = "https://chat.example" }));

    private const string Ext = "class=\"post-link\" rel=\"nofollow ugc noopener\" target=\"_blank\"";

    public static TheoryData<string, string> Corpus => new()
    {
        { "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" },
        { "javascript:alert(1)", "javascript:alert(1)" },
        { "<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;" },
        { "data:text/html;base64,PHNjcmlwdD4=", "data:text/html;base64,PHNjcmlwdD4=" },
        {
            "https://x.org/\"onmouseover=\"alert(1)",
            $"<a {Ext} href=\"https://x.org/\">https://x.org/</a>\"onmouseover=\"alert(1)"
        },
        {
            "https://x.org/'onmouseover='alert(1)",
            $"<a {Ext} href=\"https://x.org/\">https://x.org/</a>'onmouseover='alert(1)"
        },
        { "https://x.org/<img src=x>", $"<a {Ext} href=\"https://x.org/\">https://x.org/</a>&lt;img src=x&gt;" },
        { "&lt;b&gt; &amp;", "&amp;lt;b&amp;gt; &amp;amp;" },
        { "admin\u202Egnp.exe", "admingnp.exe" },
        { "\u2067evil\u2069 ok", "evil ok" },
        { "zero\u200Bwidth\u200Cjoin\u200D\uFEFF", "zerowidthjoin" },
        { "👨\u200D👩\u200D👧\u200D👦 🇷🇺 🏳️\u200D🌈", "👨\u200D👩\u200D👧\u200D👦 🇷🇺 🏳️\u200D🌈" },
        {
            "#one#two, #три @Anna!",
            "<a class=\"post-tag\" href=\"/t/one\">#one</a>#two, <a class=\"post-tag\" href=\"/t/%D1%82%D1%80%D0%B8\">#три</a> " +
            "<a class=\"post-mention\" href=\"/u/Anna\">@Anna</a>!"
        },
        {
            "(https://x.org/a_(b)), https://y.org.",
            $"(<a {Ext} href=\"https://x.org/a_(b)\">https://x.org/a_(b)</a>), <a {Ext} href=\"https://y.org\">https://y.org</a>."
        },
        {
            "https://x.org/#tag (https://y.org)",
            $"<a {Ext} href=\"https://x.org/#tag\">https://x.org/#tag</a> (<a {Ext} href=\"https://y.org\">https://y.org</a>)"
        },
        { "#<script>", "#&lt;script&gt;" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Render_WhenTextIsHostile_ProducesExactlyTheSafeMarkup(string text, string expected)
    {
        var cut = Render<RichPostText>(p => p.Add(x => x.Text, text));

        cut.MarkupMatches(expected);
        Assert.Empty(cut.FindAll("script, img, b"));
    }

    [Fact]
    public void Render_WhenTextHasLineBreaks_KeepsThemAsNewlinesForPreWrap()
    {
        var cut = Render<RichPostText>(p => p.Add(x => x.Text, "one\ntwo\n\n#three"));

        Assert.Equal("one\ntwo\n\n<a class=\"post-tag\" href=\"/t/three\">#three</a>", cut.Markup);
    }

    [Fact]
    public void Render_WhenWordIsTenKilobytes_KeepsItWholeForCssToWrap()
    {
        var word = new string('w', 10_240);

        var cut = Render<RichPostText>(p => p.Add(x => x.Text, word));

        Assert.Equal(word, cut.Markup);
    }

    [Fact]
    public void Render_WhenUrlIsTenKilobytes_LinksAllOfIt()
    {
        var url = "https://x.org/" + new string('a', 10_240);

        var cut = Render<RichPostText>(p => p.Add(x => x.Text, url));

        Assert.Equal(url, cut.Find("a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("https://chat.example/auth/popup?provider=dev&nonce=abc")]
    [InlineData("https://CHAT.example:8443//%61ccount/signout")]
    [InlineData("https://chat.example/signin-oidc/dev?code=x")]
    public void Render_WhenLinkLeadsIntoOurSignIn_ShowsItAsTextOnly(string url)
    {
        var cut = Render<RichPostText>(p => p.Add(x => x.Text, $"see {url} now"));

        Assert.Empty(cut.FindAll("a"));
        Assert.Equal($"see {url} now", string.Concat(cut.Nodes.Select(n => n.TextContent)));
    }

    [Fact]
    public void Render_WhenAnotherSiteHasSuchAPath_LinksIt()
    {
        var cut = Render<RichPostText>(p => p.Add(x => x.Text, "https://elsewhere.example/auth/popup"));

        Assert.Equal("https://elsewhere.example/auth/popup", cut.Find("a").GetAttribute("href"));
    }
}
