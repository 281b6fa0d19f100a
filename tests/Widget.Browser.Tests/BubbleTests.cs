using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>The script snippet with the tag on the script: a floating button that opens the chat.</summary>
public sealed class BubbleTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task Bubble_ClosedAfterBeingOpened_CountsNewPostsUntilOpenedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var author = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        await author.PostAsync(tag, "before the visit", ct);
        await using var reader = await browsers.NewVisitorAsync("reader");
        var page = await reader.Context.NewPageAsync();
        await page.AddInitScriptAsync(ShadowRoots.OpenAll);
        await page.GotoAsync(hostPages.Add(EmbedSnippets.Bubble(app.BaseAddress, tag)).ToString());
        var button = page.GetByRole(AriaRole.Button, new() { Name = $"Chat #{tag}", Exact = true });
        var widget = new EmbeddedWidget(page, page.Locator($"iframe[title=\"Chat #{tag}\"]"));

        await button.ClickAsync();
        await Expect(widget.PostTexts).ToHaveTextAsync(["before the visit"]);
        await author.PostAsync(tag, "seen while open", ct);
        await Expect(widget.PostTexts).ToHaveCountAsync(2);
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await author.PostAsync(tag, "missed one", ct);
        await author.PostAsync(tag, "missed two", ct);

        var unread = page.GetByRole(AriaRole.Button, new() { Name = $"Chat #{tag}, 2 new", Exact = true });
        await Expect(unread).ToBeVisibleAsync();
        await Expect(unread.Locator("span")).ToHaveTextAsync("2");
        await unread.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(button.Locator("span")).ToBeHiddenAsync();
        await Expect(widget.PostTexts).ToHaveTextAsync(["before the visit", "seen while open", "missed one", "missed two"]);
    }

    [Fact]
    public async Task Bubble_NeverOpened_CountsPostsThatArriveAfterThePageLoaded()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var author = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        await author.PostAsync(tag, "before the visit", ct);
        await using var reader = await browsers.NewVisitorAsync("reader");
        var page = await reader.Context.NewPageAsync();
        await page.AddInitScriptAsync(ShadowRoots.OpenAll);
        await page.GotoAsync(hostPages.Add(EmbedSnippets.Bubble(app.BaseAddress, tag)).ToString());
        var button = page.GetByRole(AriaRole.Button, new() { Name = $"Chat #{tag}", Exact = true });
        var widget = new EmbeddedWidget(page, page.Locator($"iframe[title=\"Chat #{tag}\"]"));

        // The closed chat is live once it counts its own visitor.
        await Expect(widget.Root.Locator(".presence")).ToHaveTextAsync(new Regex("^1 here now"));
        await author.PostAsync(tag, "missed one", ct);
        await author.PostAsync(tag, "missed two", ct);

        var unread = page.GetByRole(AriaRole.Button, new() { Name = $"Chat #{tag}, 2 new", Exact = true });
        await Expect(unread).ToBeVisibleAsync();
        await unread.ClickAsync();
        await Expect(button.Locator("span")).ToBeHiddenAsync();
        await Expect(widget.PostTexts).ToHaveTextAsync(["before the visit", "missed one", "missed two"]);
    }
}
