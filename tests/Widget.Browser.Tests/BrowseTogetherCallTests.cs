using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Two people browsing together start the session's own call from its panel and see each other.</summary>
[Collection(CallsCollection.Name)]
public sealed partial class BrowseTogetherCallTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneCallsEveryoneHere_TheOtherJoinsFromTheSession_AndEachReceivesTheOthersVideo()
    {
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        await CallStats.RecordPeersAsync(anna);
        await CallStats.RecordPeersAsync(boris);
        var (annas, boriss, annaLogin, borisLogin) = await StartAndAdmitAsync(anna, boris);
        var (annaCall, borisCall) = (SessionCall(annas), SessionCall(boriss));
        await Expect(borisCall.GetByRole(AriaRole.Button, new() { Name = "Call everyone here" })).ToBeVisibleAsync();

        await annaCall.GetByRole(AriaRole.Button, new() { Name = "Call everyone here" }).ClickAsync();
        await JoinOnTheCheckScreenAsync(annaCall);
        await Expect(borisCall.Locator(".call-roster")).ToHaveTextAsync($"{annaLogin} started a call");
        await borisCall.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await JoinOnTheCheckScreenAsync(borisCall);

        foreach (var (widget, call) in new[] { (annas, annaCall), (boriss, borisCall) })
        {
            await Expect(call.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaLogin}, {borisLogin}");
            await Expect(call.Locator(".call-tile video")).ToHaveCountAsync(2);
            await CallStats.ExpectReceivingAsync(widget, peers: 1, videos: 1, Ct);
        }

        await borisCall.GetByRole(AriaRole.Button, new() { Name = "Leave", Exact = true }).ClickAsync();
        await Expect(annaCall.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaLogin}");
        await Expect(borisCall.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true })).ToBeVisibleAsync();
    }

    private static async Task JoinOnTheCheckScreenAsync(ILocator call)
    {
        await call.Locator(".call-check").GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(call.GetByRole(AriaRole.Button, new() { Name = "Leave", Exact = true })).ToBeVisibleAsync();
    }

    private static ILocator SessionCall(EmbeddedWidget widget) => widget.Iframe.ContentFrame.Locator(".call-session");

    /// <summary>On a site with calls and browsing together on, Anna starts a session and admits Boris, who opened her link.</summary>
    private async Task<(EmbeddedWidget Annas, EmbeddedWidget Boriss, string AnnaLogin, string BorisLogin)> StartAndAdmitAsync(
        Visitor anna, Visitor boris)
    {
        var tag = TestTags.New();
        using (var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct))
        {
            await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, new SiteSettings { BrowseTogether = true, Calls = CallsMode.SignedIn }, Ct);
        }

        var hostPage = hostPages.Add(Page(tag));
        var (annaLogin, borisLogin) = (TestTags.NewLogin(), TestTags.NewLogin());
        var annas = await OpenAsync(anna, hostPage, tag);
        await annas.SignInThroughPopupAsync(annaLogin);
        var annaFrame = annas.Iframe.ContentFrame;
        await annaFrame.GetByRole(AriaRole.Button, new() { Name = "Browse together" }).ClickAsync();
        var link = annaFrame.Locator(".together-link");
        await Expect(link).ToHaveValueAsync(Invitation());

        var boriss = await OpenAsync(boris, new Uri(await link.InputValueAsync()), tag);
        await boriss.SignInThroughPopupAsync(borisLogin);
        await boriss.Iframe.ContentFrame.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await annaFrame.Locator(".together-knocks li").GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(boriss.Iframe.ContentFrame.Locator(".together-people")).ToHaveTextAsync($"Browsing together: {annaLogin}, {borisLogin}");
        return (annas, boriss, annaLogin, borisLogin);
    }

    private static async Task<EmbeddedWidget> OpenAsync(Visitor visitor, Uri page, string tag)
    {
        var tab = await visitor.Context.NewPageAsync();
        await tab.GotoAsync(page.ToString());
        return new EmbeddedWidget(tab, tab.Locator($"[data-widget-tag=\"{tag}\"] > iframe"));
    }

    private string Page(string tag) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>A webmaster's page</title></head>
        <body>
        <h1>Our shop</h1>
        <div data-widget-tag="{tag}" data-widget-min-height="700" data-widget-max-height="900"></div>
        <script async src="{new Uri(app.BaseAddress, "/embed.js")}"></script>
        </body>
        </html>
        """;

    [GeneratedRegex("#widget-together=[A-Za-z0-9_-]{22}$")]
    private static partial Regex Invitation();
}
