using Widget.Core.Sites;

namespace Widget.Core.Tests;

public sealed class SiteSettingsTests
{
    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData("*.example.com", "*.example.com")]
    [InlineData("https://example.com/", "https://example.com")]
    [InlineData("localhost:3000", "localhost:3000")]
    [InlineData("127.0.0.1:8080", "127.0.0.1:8080")]
    [InlineData("пример.рф", null)]
    [InlineData("example.com; script-src *", null)]
    [InlineData("example.com 'unsafe-inline'", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("-bad.com", null)]
    [InlineData("a.com:99999", null)]
    [InlineData("", null)]
    public void AllowedDomain_IsNormalisedOrRefused(string text, string? expected)
    {
        var ok = AllowedDomain.TryNormalize(text, out var domain);

        Assert.Equal(expected is not null, ok);
        if (expected is not null)
        {
            Assert.Equal(expected, domain);
        }
    }

    [Theory]
    [InlineData("@import url(https://evil.example/x.css);")]
    [InlineData(".widget { background: url(https://evil.example/track.png) }")]
    [InlineData(".widget { background: url('//evil.example/track.png') }")]
    [InlineData(".widget { background: URL( \"http://evil.example/a\" ) }")]
    public void CustomCss_ThatLoadsFromElsewhere_IsRefused(string css) => Assert.NotNull(CustomCss.Problem(css));

    [Theory]
    [InlineData(".widget { background: u\\72l(https://evil.example/a) }")]
    [InlineData(".widget { background: \\75rl(https://evil.example/a) }")]
    [InlineData("@\\69mport \"https://evil.example/x.css\";")]
    [InlineData("@IMPORT\"https://evil.example/x.css\";")]
    [InlineData(".widget { background: u/**/rl(https://evil.example/a) }")]
    [InlineData(".widget { background: url(/**/https://evil.example/a) }")]
    [InlineData(".widget { background: url(evil.png) }")]
    [InlineData(".widget { background: image-set(\"https://evil.example/a.png\" 1x) }")]
    [InlineData(".widget { background: -webkit-image-set(\"https://evil.example/a.png\" 1x) }")]
    [InlineData(".widget { background: image(\"https://evil.example/a.png\") }")]
    [InlineData(".widget { background: cross-fade(url(data:,a), url(data:,b), 50%) }")]
    [InlineData(".widget { background: -moz-element(#x) }")]
    [InlineData(".widget { background: src(\"https://evil.example/a.png\") }")]
    [InlineData("@font-face { font-family: x; src: local(\"Arial\") }")]
    [InlineData("@namespace svg \"http://www.w3.org/2000/svg\";")]
    [InlineData("@charset \"utf-8\";")]
    [InlineData(".widget { width: expression(alert(1)) }")]
    [InlineData(".widget { behavior: url(#default#time2) }")]
    [InlineData(".widget { -moz-binding: none }")]
    [InlineData(".widget { background: url(\"javascript:alert(1)\") }")]
    [InlineData(".widget::after { content: \"</style><script>alert(1)</script>\" }")]
    [InlineData(".widget { color: red\u0001 }")]
    public void CustomCss_ThatTriesToGetPastTheCheck_IsRefused(string css) => Assert.NotNull(CustomCss.Problem(css));

    [Theory]
    [InlineData(".post-author { font-weight: 700 }")]
    [InlineData(".widget { background: url(data:image/png;base64,AAAA) }")]
    [InlineData(".widget { background: url( \"data:image/svg+xml,%3Csvg%3E\" ) }")]
    [InlineData("/* our colours */\n@media (max-width: 400px) { .post { padding: 0 } }")]
    [InlineData("@supports (display: grid) { .posts { display: grid } }\n@keyframes pulse { from { opacity: .5 } }")]
    [InlineData(".post-author::before { content: \"→ \" }\r\n.post > .post-text { color: #333 }")]
    [InlineData("html { scroll-behavior: smooth } .posts { overscroll-behavior: contain }")]
    [InlineData("")]
    public void CustomCss_ThatStaysInside_IsAccepted(string css) => Assert.Null(CustomCss.Problem(css));

    [Fact]
    public void Validate_NamesEveryBadField()
    {
        var settings = new SiteSettings
        {
            Title = new string('t', SiteSettings.MaxTitleLength + 1),
            Width = 10,
            Height = 99_999,
            AccentColor = "red",
            CustomCss = new string('a', CustomCss.MaxLength + 1),
            AllowedDomains = ["not a domain"],
        };

        var errors = settings.Validate();

        Assert.Equal(
            [nameof(SiteSettings.AccentColor), nameof(SiteSettings.AllowedDomains), nameof(SiteSettings.CustomCss),
             nameof(SiteSettings.Height), nameof(SiteSettings.Title), nameof(SiteSettings.Width)],
            errors.Keys.Order());
    }

    [Fact]
    public void Validate_WhenDefaults_HasNoErrors() => Assert.Empty(new SiteSettings().Validate());

    [Theory]
    [InlineData("#fff", true)]
    [InlineData("#1A73e8", true)]
    [InlineData("#12345", false)]
    [InlineData("1a73e8", false)]
    [InlineData("#ggg", false)]
    [InlineData("#fff;}", false)]
    public void HexColor_AcceptsOnlyHexNotation(string value, bool valid) => Assert.Equal(valid, HexColor.IsValid(value));
}
