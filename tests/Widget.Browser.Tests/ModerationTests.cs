using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A moderator at the desk and visitors in their widgets, each in a browser of their own.</summary>
public sealed class ModerationTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task Desk_HidesUnhidesPinsAndBans_AndTheOtherWindowsChangeAtOnce()
    {
        var tag = TestTags.New();
        await using var moderator = await browsers.NewVisitorAsync("moderator", new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var desk = await DeskPage.OpenAsync(moderator, app, tag);
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag)));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var bob = await browsers.NewVisitorAsync("bob");
        var annas = await anna.OpenAsync(hostPage);
        var bobs = await bob.OpenAsync(hostPage);
        await annas.SignInThroughPopupAsync(TestTags.NewLogin());
        await bobs.SignInThroughPopupAsync(TestTags.NewLogin());

        await annas.SendAsync("rules: be kind");
        await annas.SendAsync("spam spam spam");
        await bobs.SendAsync("hello from Bob");
        // The desk was open before any of them: it streams, nobody reloads it.
        await Expect(desk.Post("hello from Bob")).ToBeVisibleAsync();

        await desk.Post("rules: be kind").Locator(".pin").ClickAsync();
        await Expect(bobs.Root.Locator(".pinned")).ToContainTextAsync("rules: be kind");
        await Expect(bobs.Root.Locator(".pinned-label")).ToHaveTextAsync("Pinned");
        await Expect(bobs.Root.Locator(".posts .post-text", new() { HasText = "rules: be kind" })).ToBeHiddenAsync();
        await desk.Post("spam spam spam").Locator(".hide").ClickAsync();
        await Expect(bobs.Post("spam spam spam")).ToHaveCountAsync(0);
        await Expect(annas.Post("spam spam spam")).ToHaveCountAsync(0);
        await desk.Hidden("spam spam spam").Locator(".unhide").ClickAsync();
        await Expect(bobs.Post("spam spam spam")).ToBeVisibleAsync();
        await Expect(desk.Post("spam spam spam")).ToBeVisibleAsync();
        await Expect(desk.Hidden("spam spam spam")).ToHaveCountAsync(0);
        // Back in its old place, above Bob's later post.
        await Expect(bobs.Root.Locator(".posts > .post > .post-text")).ToHaveTextAsync(["rules: be kind", "spam spam spam", "hello from Bob"]);
        await desk.BanAuthorOfAsync("rules: be kind", "spamming");
        await Expect(annas.MessageBox).ToBeDisabledAsync();
        await Expect(annas.Root.Locator(".status")).ToContainTextAsync("spamming");

        // The page is the same for everyone; the hub tells a reloaded widget of the ban.
        await annas.HostPage.ReloadAsync();
        await Expect(annas.Compose).ToBeVisibleAsync();
        await Expect(annas.MessageBox).ToBeDisabledAsync();
        await Expect(annas.Compose.Locator("[type=submit]")).ToBeDisabledAsync();

        await desk.LiftBanAsync();
        await Expect(annas.MessageBox).ToBeEnabledAsync();
        await annas.SendAsync("sorry");
        await Expect(bobs.Post("sorry")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Premoderation_HeldPostShowsToItsAuthorAloneUntilApprovedAndARejectionTellsThemWhy()
    {
        var tag = TestTags.New();
        await using var moderator = await browsers.NewVisitorAsync("moderator", new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var desk = await DeskPage.OpenAsync(moderator, app, tag);
        await desk.SetPremoderationAsync("EveryPost");
        await Expect(desk.Message).ToHaveTextAsync("Every post here waits for approval.");
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag)));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var bob = await browsers.NewVisitorAsync("bob");
        var annas = await anna.OpenAsync(hostPage);
        var bobs = await bob.OpenAsync(hostPage);
        await annas.SignInThroughPopupAsync(TestTags.NewLogin());

        await annas.SendAsync("may I join?");
        await Expect(annas.Post("may I join?").Locator(".post-note")).ToHaveTextAsync("Waiting for approval");
        await Expect(desk.Held("may I join?")).ToBeVisibleAsync();
        await Expect(bobs.Post("may I join?")).ToHaveCountAsync(0);

        await desk.Held("may I join?").Locator(".approve").ClickAsync();
        await Expect(bobs.Post("may I join?")).ToBeVisibleAsync();
        await Expect(annas.Post("may I join?")).ToHaveCountAsync(1);
        await Expect(annas.Post("may I join?").Locator(".post-note")).ToHaveCountAsync(0);

        await annas.SendAsync("buy my course");
        await annas.HostPage.ReloadAsync();
        await Expect(annas.Post("buy my course").Locator(".post-note")).ToHaveTextAsync("Waiting for approval");
        await desk.Page.Locator("#reject-reason").FillAsync("advertising");
        await desk.Held("buy my course").Locator(".reject").ClickAsync();
        await Expect(annas.Post("buy my course")).ToHaveCountAsync(0);
        await Expect(annas.Root.Locator(".status")).ToContainTextAsync("advertising");
        await Expect(annas.MessageBox).ToHaveValueAsync("buy my course");
        await Expect(bobs.Post("buy my course")).ToHaveCountAsync(0);
    }
}
