using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// "Browse together" across the demo site: a home page linking to a pricing page whose routes change by pushState;
/// following someone through both, the session chat, and a session that outlives a dropped hub.
/// </summary>
public sealed partial class BrowseTogetherFollowTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AGuestFollowingTheHost_GoesWhereSheGoes_ThroughALinkAndAPushStateRouteWithoutALoad_AndTheHostIsTold()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (site, annas, boriss, annaLogin, borisLogin) = await StartAndAdmitAsync(anna, boris);

        await Frame(boriss).GetByRole(AriaRole.Button, new() { Name = $"Follow {annaLogin}" }).ClickAsync();
        await Expect(Frame(annas).Locator(".together-status")).ToHaveTextAsync($"{borisLogin} is following you.");
        await ClickLinkAsync(annas.HostPage, "Pricing");

        await Expect(boriss.HostPage).ToHaveURLAsync(site.Pricing.ToString());
        await Expect(Frame(annas).Locator(".together-places")).ToContainTextAsync($"{borisLogin} is on this page");
        await boriss.HostPage.EvaluateAsync("() => { window.loadedOnce = true; }");
        await ClickLinkAsync(annas.HostPage, "Lunch");
        await Expect(annas.HostPage.Locator("#route")).ToHaveTextAsync("Prices: lunch");

        await Expect(boriss.HostPage).ToHaveURLAsync(LunchRoute());
        await Expect(boriss.HostPage.Locator("#route")).ToHaveTextAsync("Prices: lunch");
        Assert.True(await boriss.HostPage.EvaluateAsync<bool>("() => window.loadedOnce === true"), "Following a route change loaded the page again.");
        await Expect(Frame(boriss).GetByRole(AriaRole.Button, new() { Name = $"Stop following {annaLogin}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AGuestNotFollowing_StaysPut_AndSeesWhereTheHostIsWithAGoButton()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (site, annas, boriss, annaLogin, _) = await StartAndAdmitAsync(anna, boris);

        await ClickLinkAsync(annas.HostPage, "Pricing");
        var row = Frame(boriss).Locator(".together-places li");
        await Expect(row).ToContainTextAsync($"{annaLogin} is on {site.Pricing.AbsolutePath}");

        Assert.StartsWith(site.Home.ToString(), boriss.HostPage.Url, StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await Expect(boriss.HostPage).ToHaveURLAsync(site.Pricing.ToString());
    }

    [Fact]
    public async Task AChatLine_ReachesTheOther_AlsoAfterTheGuestsHubDroppedAndCameBack()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (_, annas, boriss, annaLogin, borisLogin) = await StartAndAdmitAsync(anna, boris);

        await SayAsync(annas, "<b>look</b> at the lunch prices");
        await Expect(Frame(boriss).Locator(".together-lines li")).ToHaveTextAsync($"{annaLogin}: <b>look</b> at the lunch prices");

        // Offline past the widget's 10 s server timeout, so the hub takes its connection for dead and reconnects as a new one.
        await boris.Context.SetOfflineAsync(true);
        await Task.Delay(TimeSpan.FromSeconds(12), Ct);
        await boris.Context.SetOfflineAsync(false);

        await Expect(Frame(boriss).GetByRole(AriaRole.Button, new() { Name = "Leave session" })).ToBeVisibleAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (await Frame(annas).Locator(".together-lines li", new() { HasText = "back again" }).CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The guest's line never came through after the hub came back.");
            await SayAsync(boriss, "back again");
            await Task.Delay(1000, Ct);
        }

        await Expect(Frame(annas).Locator(".together-lines li", new() { HasText = "back again" }).First).ToHaveTextAsync($"{borisLogin}: back again");
    }

    private static async Task SayAsync(EmbeddedWidget widget, string line)
    {
        var input = Frame(widget).GetByRole(AriaRole.Textbox, new() { Name = "Message to the session" });
        await input.FillAsync(line);
        await input.PressAsync("Enter");
    }

    private async Task<(DemoSite Site, EmbeddedWidget Annas, EmbeddedWidget Boriss, string AnnaLogin, string BorisLogin)> StartAndAdmitAsync(Visitor anna, Visitor boris)
    {
        var tag = TestTags.New();
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, new SiteSettings { BrowseTogether = true }, Ct);
        var site = DemoSite.Add(hostPages, app.BaseAddress, tag);
        var (annaLogin, borisLogin) = (TestTags.NewLogin(), TestTags.NewLogin());

        var annas = await OpenAsync(anna, site.Home, tag);
        await annas.SignInThroughPopupAsync(annaLogin);
        await Frame(annas).GetByRole(AriaRole.Button, new() { Name = "Browse together" }).ClickAsync();
        var link = Frame(annas).Locator(".together-link");
        await Expect(link).ToHaveValueAsync(new Regex("#widget-together=[A-Za-z0-9_-]{22}$"));

        var boriss = await OpenAsync(boris, new Uri(await link.InputValueAsync()), tag);
        await boriss.SignInThroughPopupAsync(borisLogin);
        await Frame(boriss).GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Frame(annas).Locator(".together-knocks li").GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(Frame(boriss).GetByRole(AriaRole.Button, new() { Name = "Leave session" })).ToBeVisibleAsync();
        return (site, annas, boriss, annaLogin, borisLogin);
    }

    private static IFrameLocator Frame(EmbeddedWidget widget) => widget.Iframe.ContentFrame;

    /// <summary>
    /// Clicks a link of the long demo page once it has been scrolled into view and painted: right after a scroll,
    /// Chromium may route a click by where the frames were before it, into the widget's frame that was there.
    /// </summary>
    private static async Task ClickLinkAsync(IPage page, string name)
    {
        var link = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await link.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)))");
        await link.ClickAsync();
    }

    private static async Task<EmbeddedWidget> OpenAsync(Visitor visitor, Uri page, string tag)
    {
        var tab = await visitor.Context.NewPageAsync();
        await tab.GotoAsync(page.ToString());
        return new EmbeddedWidget(tab, tab.Locator($"[data-widget-tag=\"{tag}\"] > iframe"));
    }

    [GeneratedRegex("/pricing/lunch$")]
    private static partial Regex LunchRoute();
}
