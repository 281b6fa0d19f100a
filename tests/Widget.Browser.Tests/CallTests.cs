using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Sites;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Two visitors of a site with calls on join its channel's call from the widget and see and hear each other.</summary>
public sealed class CallTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoVisitors_JoinTheChannelsCall_AndEachReceivesTheOthersVideoAndAudio()
    {
        var tag = TestTags.New();
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct);
        var settings = new SiteSettings { Calls = CallsMode.SignedIn, Height = 640 };
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, settings, Ct);
        var hostPage = hostPages.Add(HostPage(SiteSnippets.Iframe(app.BaseAddress, tag, settings)));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        await CallStats.RecordPeersAsync(anna);
        await CallStats.RecordPeersAsync(boris);
        var annas = await OpenAsync(anna, hostPage);
        var boriss = await OpenAsync(boris, hostPage);
        var (annaName, borisName) = (TestTags.NewLogin(), TestTags.NewLogin());
        await annas.SignInThroughPopupAsync(annaName);
        await boriss.SignInThroughPopupAsync(borisName);
        var (annaCall, borisCall) = (annas.Root.Locator(".call"), boriss.Root.Locator(".call"));
        await Expect(annaCall.Locator(".call-roster")).ToHaveTextAsync("Nobody is in the call.");
        await Expect(annaCall.Locator(".call-live")).ToBeHiddenAsync();

        await annaCall.GetByRole(AriaRole.Button, new() { Name = "Join the call" }).ClickAsync();
        await Expect(borisCall.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaName}");
        await borisCall.GetByRole(AriaRole.Button, new() { Name = "Join the call" }).ClickAsync();

        foreach (var (widget, call) in new[] { (annas, annaCall), (boriss, borisCall) })
        {
            await Expect(call.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaName}, {borisName}");
            await Expect(call.Locator(".call-live")).ToHaveTextAsync("Your camera and microphone are on");
            await Expect(call.Locator(".call-tile video")).ToHaveCountAsync(2);
            await ExpectMediaFlowingAsync(widget);
        }

        await borisCall.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();

        await Expect(annaCall.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaName}");
        await Expect(annaCall.Locator(".call-tile video")).ToHaveCountAsync(1);
        await Expect(borisCall.Locator(".call-live")).ToBeHiddenAsync();
        await Expect(borisCall.GetByRole(AriaRole.Button, new() { Name = "Join the call" })).ToBeVisibleAsync();
    }

    /// <summary>Decoded frames and received audio packets grow: the media is arriving, not just negotiated.</summary>
    private static async Task ExpectMediaFlowingAsync(EmbeddedWidget widget)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var first = await CallStats.ReceivedAsync(widget);
        while (first.Frames == 0 || first.AudioPackets == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No media arrived: {first}; connections {await CallStats.StatesAsync(widget)}.");
            await Task.Delay(200, Ct);
            first = await CallStats.ReceivedAsync(widget);
        }

        var later = first;
        while (later.Frames <= first.Frames || later.AudioPackets <= first.AudioPackets)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Media stopped: {first} then {later}.");
            await Task.Delay(200, Ct);
            later = await CallStats.ReceivedAsync(widget);
        }
    }

    /// <summary>The page with the configurator's own iframe snippet, whose title is the site's.</summary>
    private static async Task<EmbeddedWidget> OpenAsync(Visitor visitor, Uri hostPage)
    {
        var page = await visitor.Context.NewPageAsync();
        await page.GotoAsync(hostPage.ToString());
        return new EmbeddedWidget(page, page.Locator("iframe"));
    }

    private static string HostPage(string snippet) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>A webmaster's page</title></head>
        <body>
        {snippet}
        </body>
        </html>
        """;
}
