using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Calls;
using Widget.Web.Moderation;
using Widget.Web.Sites;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A ban ends the banned visitor's part in a call: their widget stops its media and says why, the other's drops them.</summary>
[Collection(CallsCollection.Name)]
public sealed class CallModerationTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ban_StopsTheBannedVisitorsCameraAndSaysWhy_AndTheOtherWidgetDropsTheirTile()
    {
        var tag = TestTags.New();
        using var owner = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), Ct);
        var settings = new SiteSettings { Calls = CallsMode.SignedIn, Height = 640 };
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, settings, Ct);
        var hostPage = hostPages.Add($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>A webmaster's page</title></head>
            <body>{SiteSnippets.Iframe(app.BaseAddress, tag, settings)}</body>
            </html>
            """);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (annaName, borisName) = (TestTags.NewLogin(), TestTags.NewLogin());
        var annaCall = await JoinAsync(anna, hostPage, annaName);
        var borisCall = await JoinAsync(boris, hostPage, borisName);
        await Expect(annaCall.Locator(".call-tile video")).ToHaveCountAsync(2);
        var borisId = app.Services.GetRequiredService<CallRooms>().Roster(tag, 4).Members.Single(m => m.Name == borisName).UserId;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ModerationService>()
                .BanAsync(owner.UserId, tag, borisId, null, "spam", shadow: false, Ct);
            Assert.True(outcome.Done, outcome.Message);
        }

        await Expect(borisCall.Locator(".call-status")).ToHaveTextAsync($"You are banned in #{tag}, so you are out of its call.");
        await Expect(borisCall.Locator(".call-live")).ToBeHiddenAsync();
        await Expect(borisCall.Locator(".call-tile")).ToHaveCountAsync(0);
        await Expect(annaCall.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaName}");
        await Expect(annaCall.Locator(".call-tile video")).ToHaveCountAsync(1);
    }

    private static async Task<ILocator> JoinAsync(Visitor visitor, Uri hostPage, string name)
    {
        var page = await visitor.Context.NewPageAsync();
        await page.GotoAsync(hostPage.ToString());
        var widget = new EmbeddedWidget(page, page.Locator("iframe"));
        await widget.SignInThroughPopupAsync(name);
        var call = widget.Root.Locator(".call");
        await CallScene.JoinThroughCheckAsync(call);
        return call;
    }
}
