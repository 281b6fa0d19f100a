using System.Collections.Concurrent;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

public sealed class PublicTagPageTests(WidgetApp app, Browsers browsers)
{
    [Fact]
    public async Task TagPage_WhenPostsAreAddedAndDeleted_FollowsLiveWithoutConsoleWarnings()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var author = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        var doomed = await author.PostAsync(tag, "soon deleted", ct);
        await using var reader = await browsers.NewVisitorAsync("reader");
        var page = await reader.Context.NewPageAsync();
        var warnings = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "warning" or "error")
            {
                warnings.Enqueue(message.Text);
            }
        };
        await page.GotoAsync(new Uri(app.BaseAddress, "/t/" + tag).ToString());
        await Expect(page.Locator(".post-text", new() { HasText = "soon deleted" })).ToBeVisibleAsync();

        await author.PostAsync(tag, "arrives live", ct);
        // Shown either live or by the join's catch-up; either way the page is in the tag's group now.
        await Expect(page.Locator(".post-text", new() { HasText = "arrives live" })).ToBeVisibleAsync();
        await author.DeleteAsync(doomed, ct);

        await Expect(page.Locator(".post-text", new() { HasText = "soon deleted" })).ToHaveCountAsync(0);
        Assert.Empty(warnings);
    }
}
