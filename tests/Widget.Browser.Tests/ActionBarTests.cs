using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A post's action bar, with Reply, Edit, Report, Delete and every reaction, at the widths sites give the chat.</summary>
public sealed class ActionBarTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    // Every button of the open bar, as the part of it that lies outside the widget, in pixels.
    private const string ClippedButtons = """
        root => [...root.querySelectorAll('.post-actions button')]
          .map(b => ({ name: b.textContent, right: b.getBoundingClientRect().right, limit: root.getBoundingClientRect().right }))
          .filter(b => b.right > b.limit + 0.5)
          .map(b => `${b.name} by ${Math.round(b.right - b.limit)}px`)
        """;

    [Theory]
    [InlineData(280)]
    [InlineData(360)]
    public async Task ActionBar_OfOnesOwnPost_ShowsEveryButtonWhole(int width)
    {
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New()), width));
        await using var visitor = await browsers.NewVisitorAsync("anna");
        var widget = await visitor.OpenAsync(hostPage);
        await widget.SignInThroughPopupAsync(TestTags.NewLogin());
        await widget.SendAsync("a post with every action");

        await widget.Post("a post with every action").Locator(":scope > .post-text").ClickAsync();
        await Expect(widget.Root.Locator(".post-actions .post-react")).ToHaveCountAsync(6);

        Assert.Empty(await widget.EvaluateAsync<string[]>(ClippedButtons));
    }
}
