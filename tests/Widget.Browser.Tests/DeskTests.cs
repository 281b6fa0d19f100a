using System.Text.RegularExpressions;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>The moderator desk as a moderator works it, and what its settings tell the widgets.</summary>
public sealed class DeskTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task BanForm_OpensUnderThePostItIsFor_WithTheFocus_AndEscapeGivesTheFocusBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        await using var moderator = await browsers.NewVisitorAsync("moderator", new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var desk = await DeskPage.OpenAsync(moderator, app, tag);
        using var anna = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        using var boris = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct);
        await anna.PostAsync(tag, "first, by Anna", ct);
        await boris.PostAsync(tag, "second, by Boris", ct);
        await Expect(desk.Post("first, by Anna")).ToBeVisibleAsync();

        var post = desk.Post("first, by Anna");
        await post.Locator(".ban").ClickAsync();

        await Expect(post.Locator("form.ban-form")).ToBeVisibleAsync();
        await Expect(desk.Page.Locator("form.ban-form")).ToHaveCountAsync(1);
        await Expect(post.Locator("#ban-duration")).ToBeFocusedAsync();
        var placed = await desk.Page.EvaluateAsync<bool>(
            "() => { const post = document.querySelector('.moderated-post form.ban-form').closest('.moderated-post'); " +
            "const form = post.querySelector('.ban-form').getBoundingClientRect(); const ban = post.querySelector('.ban').getBoundingClientRect(); " +
            "return form.top >= ban.top && form.top - ban.bottom < 200; }");
        Assert.True(placed, "The ban form is not right under its post's Ban button.");

        await desk.Page.Keyboard.PressAsync("Escape");

        await Expect(desk.Page.Locator("form.ban-form")).ToHaveCountAsync(0);
        await Expect(post.Locator(".ban")).ToBeFocusedAsync();
        await Expect(desk.Post("second, by Boris").Locator("form.ban-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SlowMode_SetAtTheDesk_ShowsInOpenWidgetsAtOnce_AndInWidgetsLoadedLater()
    {
        var tag = TestTags.New();
        await using var moderator = await browsers.NewVisitorAsync("moderator", new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var desk = await DeskPage.OpenAsync(moderator, app, tag);
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag)));
        await using var reader = await browsers.NewVisitorAsync("reader");
        var open = await reader.OpenAsync(hostPage);
        await Expect(open.Root.Locator(".presence")).ToHaveTextAsync(new Regex("^1 here now"));
        await Expect(open.Root.Locator(".slow-mode")).ToBeEmptyAsync();

        await desk.SetSlowModeAsync(30);

        await Expect(open.Root.Locator(".slow-mode")).ToHaveTextAsync("Slow mode: one post every 30 s");
        var later = await reader.OpenAsync(hostPage);
        await Expect(later.Root.Locator(".slow-mode")).ToHaveTextAsync("Slow mode: one post every 30 s");
        await Expect(desk.Page.Locator(".moderation-log li").First).ToContainTextAsync("set slow mode to one post every 30 s.");

        await desk.SetSlowModeAsync(0);

        await Expect(open.Root.Locator(".slow-mode")).ToHaveTextAsync("Slow mode is off.");
        await Expect(later.Root.Locator(".slow-mode")).ToHaveTextAsync("Slow mode is off.");
    }
}
