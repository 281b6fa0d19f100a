using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>What the widget looks like: screenshots for people, and the checks a screenshot can't make.</summary>
public sealed class LookTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private const double ReadableContrast = 4.5;

    private static readonly string[] Posts =
    [
        "Hi everyone 👋",
        "Is the meetup still on for Thursday? I can bring the projector, and maybe a few extension cords if the room needs them.",
        "https://example.test/a/very/long/link/that/has/no/spaces/at/all/and/must/wrap/inside/the/widget",
        "Yes!\nSee you there.",
    ];

    [Fact]
    public async Task Widget_InLightAndDarkColorSchemes_KeepsItsTextReadable()
    {
        var tag = await SeedAsync();

        var light = await ShootAsync(tag, ColorScheme.Light, 360, 480, "widget-light.png");
        var dark = await ShootAsync(tag, ColorScheme.Dark, 360, 480, "widget-dark.png");

        Assert.True(
            CssColor.Parse(light.Background).Luminance > 0.8 && CssColor.Parse(dark.Background).Luminance < 0.1,
            $"Light background {light.Background}, dark background {dark.Background}.");
        foreach (var colors in new[] { light, dark })
        {
            AssertReadable(colors.Text, colors.Background, "post text");
            AssertReadable(colors.Muted, colors.Background, "post time");
            AssertReadable(colors.ButtonText, colors.ButtonBackground, "sign-in button");
        }
    }

    [Fact]
    public async Task Widget_InASmallIframe_FitsWithoutScrollingSideways()
    {
        var tag = await SeedAsync();
        await using var reader = await browsers.NewVisitorAsync("reader");
        var widget = await reader.OpenAsync(hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag), 280, 400)));
        await Expect(widget.PostTexts).ToHaveCountAsync(Posts.Length);

        await widget.Iframe.ScreenshotAsync(new() { Path = Screenshots.PathFor("widget-280x400.png") });
        var signedOutFits = await FitsAsync(widget);
        await Expect(widget.SignInButton).ToBeInViewportAsync(new() { Ratio = 1 });
        await widget.SignInThroughPopupAsync("a-rather-long-login-name-" + TestTags.NewLogin());
        await widget.Iframe.ScreenshotAsync(new() { Path = Screenshots.PathFor("widget-280x400-signed-in.png") });

        Assert.True(signedOutFits, "Signed out, something in the widget is wider than its box.");
        Assert.True(await FitsAsync(widget), "Signed in, something in the widget is wider than its box.");
        await Expect(widget.Compose.Locator("[type=submit]")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(widget.MessageBox).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(widget.Post(Posts[^1][..4])).ToBeInViewportAsync();
    }

    // Boxes that clip on purpose (ellipsis on names) may be wider inside; nothing else may scroll sideways.
    private static Task<bool> FitsAsync(EmbeddedWidget widget) =>
        widget.EvaluateAsync<bool>("""
            root => [root.ownerDocument.documentElement, ...root.querySelectorAll('*')]
              .every((e) => e.scrollWidth <= e.clientWidth || getComputedStyle(e).overflowX === 'hidden')
            """);

    private static void AssertReadable(string foreground, string background, string what)
    {
        var ratio = CssColor.Parse(foreground).ContrastWith(CssColor.Parse(background));
        Assert.True(ratio >= ReadableContrast, $"The {what} has a contrast of {ratio:0.0}:1 ({foreground} on {background}).");
    }

    private async Task<string> SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var author = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        foreach (var text in Posts)
        {
            await author.PostAsync(tag, text, ct);
        }

        return tag;
    }

    private async Task<WidgetColors> ShootAsync(string tag, ColorScheme scheme, int width, int height, string fileName)
    {
        await using var reader = await browsers.NewVisitorAsync(scheme.ToString(), new() { ColorScheme = scheme });
        var widget = await reader.OpenAsync(hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag), width, height)));
        await Expect(widget.PostTexts).ToHaveCountAsync(Posts.Length);
        await widget.Iframe.ScreenshotAsync(new() { Path = Screenshots.PathFor(fileName) });
        return await WidgetColors.ReadAsync(widget);
    }
}
