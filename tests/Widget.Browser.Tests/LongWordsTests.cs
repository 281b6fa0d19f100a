using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>What users write wraps on every page: no word, address or name is wide enough to widen one.</summary>
public sealed class LongWordsTests(WidgetApp app, Browsers browsers)
{
    private static readonly string Word = new('w', 2000);
    private static readonly string Address = "https://example.com/" + new string('a', 1950);
    private static readonly string Reason = new('r', 200);

    [Fact]
    public async Task Pages_WhenAUserWithALongNamePostsALongWordAndAddress_DoNotScrollSideways()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        await using var moderator = await browsers.NewVisitorAsync("moderator", new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var desk = await DeskPage.OpenAsync(moderator, app, tag);
        var login = TestTags.NewLogin();
        using var author = await ApiAuthor.SignInAsync(app, login + new string('n', 100 - login.Length), ct);
        await author.PostAsync(tag, Word, ct);
        await author.PostAsync(tag, Address, ct);

        var timeline = await moderator.Context.NewPageAsync();
        await AssertFitsAsync(timeline, $"/t/{tag}");
        var postId = await timeline.Locator("article.post").First.GetAttributeAsync("data-post-id");
        await AssertFitsAsync(timeline, $"/p/{postId}");
        await AssertFitsAsync(timeline, $"/u/{author.UserId}");
        await timeline.SetViewportSizeAsync(360, 640);
        await AssertFitsAsync(timeline, $"/w/{tag}");

        await desk.Page.ReloadAsync();
        await BlazorPages.WaitUntilInteractiveAsync(desk.Page, "button.refresh");
        await desk.BanAuthorOfAsync(Word[..100], Reason);
        await Expect(desk.Page.Locator(".ban-reason")).ToHaveTextAsync(Reason);
        await AssertFitsAsync(desk.Page);
    }

    private async Task AssertFitsAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await Expect(page.Locator(".post").Filter(new() { HasText = Word[..100] }).First).ToBeVisibleAsync();
        await AssertFitsAsync(page);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window.");
    }
}
