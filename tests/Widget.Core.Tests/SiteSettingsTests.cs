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
    [InlineData(".post-author { font-weight: 700 }")]
    [InlineData(".widget { background: url(data:image/png;base64,AAAA) }")]
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
