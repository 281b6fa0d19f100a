using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>The script snippet: embed.js puts the iframe on the page and keeps it as tall as the chat.</summary>
public sealed class ScriptSnippetTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    // What embed.js gives a frame before its widget has said how tall it is.
    private const double FirstHeight = 400;

    [Fact]
    public async Task ScriptSnippet_ResizesTheIframeToItsContent()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var author = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        await author.PostAsync(tag, "first", ct);
        await author.PostAsync(tag, "second", ct);
        await using var reader = await browsers.NewVisitorAsync("reader");
        var page = await reader.Context.NewPageAsync();
        await page.GotoAsync(hostPages.Add(EmbedSnippets.Inline(app.BaseAddress, tag)).ToString());
        var widget = new EmbeddedWidget(page, page.Locator($"[data-widget-tag=\"{tag}\"] > iframe"));
        await Expect(widget.PostTexts).ToHaveCountAsync(2);

        var few = await FrameHeight.WaitForFitAsync(page, widget.Iframe);
        await author.PostAsync(tag, "third, live", ct);
        await Expect(widget.PostTexts).ToHaveCountAsync(3);
        var more = await FrameHeight.WaitForFitAsync(page, widget.Iframe, above: few.Frame);
        // Another user, as one may post only so many at once.
        using var other = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        for (var i = 0; i < 4; i++)
        {
            await other.PostAsync(tag, $"one more, number {i}, to fill the frame", ct);
        }

        var full = await FrameHeight.WaitForFitAsync(page, widget.Iframe, above: EmbedSnippets.MaxHeight - 1);
        await Expect(widget.Iframe).ToHaveAttributeAsync("src", $"{app.WidgetUri(tag)}?embed=1");
        Assert.NotEqual(FirstHeight, few.Frame);
        Assert.InRange(few.Reported, EmbedSnippets.MinHeight, EmbedSnippets.MaxHeight);
        Assert.True(more.Frame > few.Frame, $"{more.Frame} px with a post more, {few.Frame} px before.");
        Assert.Equal(EmbedSnippets.MaxHeight, full.Frame, tolerance: 1);
        Assert.True(full.Reported > EmbedSnippets.MaxHeight, $"The full widget asked for {full.Reported} px.");
        // Past its maximum the frame stays put and the newest post is scrolled into view inside it.
        await Expect(widget.Post("number 3")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task ScriptSnippet_WithTwoContainers_GivesEachItsOwnIframe()
    {
        var ct = TestContext.Current.CancellationToken;
        var (quiet, busy) = (TestTags.New(), TestTags.New());
        using var author = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        await author.PostAsync(quiet, "only post here", ct);
        await author.PostAsync(busy, "busy one", ct);
        await author.PostAsync(busy, "busy two", ct);
        await author.PostAsync(busy, "busy three", ct);
        await using var reader = await browsers.NewVisitorAsync("reader");
        var page = await reader.Context.NewPageAsync();
        await page.GotoAsync(hostPages.Add(EmbedSnippets.Inline(app.BaseAddress, quiet, busy)).ToString());
        var quietWidget = new EmbeddedWidget(page, page.Locator($"[data-widget-tag=\"{quiet}\"] > iframe"));
        var busyWidget = new EmbeddedWidget(page, page.Locator($"[data-widget-tag=\"{busy}\"] > iframe"));

        await Expect(quietWidget.PostTexts).ToHaveTextAsync(["only post here"]);
        await Expect(busyWidget.PostTexts).ToHaveTextAsync(["busy one", "busy two", "busy three"]);
        var quietHeight = await FrameHeight.WaitForFitAsync(page, quietWidget.Iframe);
        var busyHeight = await FrameHeight.WaitForFitAsync(page, busyWidget.Iframe);

        await Expect(page.Locator("iframe")).ToHaveCountAsync(2);
        await Expect(quietWidget.Iframe).ToHaveAttributeAsync("src", $"{app.WidgetUri(quiet)}?embed=1");
        await Expect(busyWidget.Iframe).ToHaveAttributeAsync("src", $"{app.WidgetUri(busy)}?embed=1");
        Assert.True(busyHeight.Frame > quietHeight.Frame, $"Three posts: {busyHeight.Frame} px; one post: {quietHeight.Frame} px.");
    }
}
