using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Sites;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Two visitors of a site with calls on join its channel's call from the widget and see and hear each other.</summary>
public sealed class CallTests(WidgetApp app, HostPages hostPages, Browsers browsers) : IAsyncDisposable
{
    private readonly List<Visitor> visitors = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoVisitors_JoinTheChannelsCall_AndEachReceivesTheOthersVideoAndAudio()
    {
        var (annas, boriss) = await TwoInTheCallAsync(app.Services, app.BaseAddress, app.CreateClient(), relayOnly: false);
        var (annaCall, borisCall) = (annas.Root.Locator(".call"), boriss.Root.Locator(".call"));

        await borisCall.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();

        await Expect(annaCall.Locator(".call-roster")).ToHaveTextAsync(new Regex("^In the call: [^,]+$"));
        await Expect(annaCall.Locator(".call-tile video")).ToHaveCountAsync(1);
        await Expect(borisCall.Locator(".call-live")).ToBeHiddenAsync();
        await Expect(borisCall.GetByRole(AriaRole.Button, new() { Name = "Join the call" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RelayOnly_TheCallGoesThroughTurn_WithCredentialsTheServiceMinted()
    {
        await using var turn = await TurnServer.StartAsync(Ct);
        await using var service = await WidgetService.StartAsync(
            new Dictionary<string, string>
            {
                ["Auth:CrossSiteCookie"] = "true",
                ["Auth:PopupStartsPerMinute"] = "100000",
                ["Calls:TurnUrls:0"] = turn.Url,
                ["Calls:TurnSecret"] = TurnServer.Secret,
            },
            Ct);

        EmbeddedWidget annas, boriss;
        try
        {
            (annas, boriss) = await TwoInTheCallAsync(service.Services, service.BaseAddress, service.CreateClient(), relayOnly: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"The relay-only call did not come up. coturn said:\n{string.Join('\n', turn.Output)}", e);
        }

        foreach (var widget in new[] { annas, boriss })
        {
            var pairs = await CallStats.SelectedPairsAsync(widget);
            Assert.NotEmpty(pairs);
            Assert.All(pairs, pair => Assert.Equal("relay/relay", pair));
        }

        // Before the service stops, so the pages do not log its going away as this test's failures.
        await DisposeAsync();
    }

    /// <summary>Anna and Boris sign in on a page with the site's iframe snippet and join its call one after the
    /// other; each then shows both tiles, the live indicator, and receives the other's media.</summary>
    private async Task<(EmbeddedWidget Anna, EmbeddedWidget Boris)> TwoInTheCallAsync(
        IServiceProvider services, Uri service, HttpClient api, bool relayOnly)
    {
        var tag = TestTags.New();
        var settings = new SiteSettings { Calls = CallsMode.SignedIn, Height = 640 };
        using (var owner = await ApiAuthor.SignInAsync(service, api, TestTags.NewLogin(), Ct))
        {
            await SiteSeeder.ClaimAsync(services, tag, owner.UserId, settings, Ct);
        }

        var hostPage = hostPages.Add(HostPage(SiteSnippets.Iframe(service, tag, settings)));
        var anna = await browsers.NewVisitorAsync("anna");
        var boris = await browsers.NewVisitorAsync("boris");
        visitors.Add(anna);
        visitors.Add(boris);
        await CallStats.RecordPeersAsync(anna, relayOnly);
        await CallStats.RecordPeersAsync(boris, relayOnly);
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

        return (annas, boriss);
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

    public async ValueTask DisposeAsync()
    {
        foreach (var visitor in visitors)
        {
            await visitor.DisposeAsync();
        }

        visitors.Clear();
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
