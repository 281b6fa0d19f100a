using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Sites;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A call by admission: the visitor asks and waits with the camera still off, the owner lets them in from
/// their own widget, and the visitor joins; the owner joins without asking.</summary>
[Collection(CallsCollection.Name)]
public sealed class CallAdmissionTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Visitor_AsksToJoin_TheOwnerAdmitsThemInTheWidget_AndTheyJoinTheCall()
    {
        var tag = TestTags.New();
        var (ownerLogin, annaName) = (TestTags.NewLogin(), TestTags.NewLogin());
        var settings = new SiteSettings { Calls = CallsMode.Admitted, Height = 640 };
        using (var owner = await ApiAuthor.SignInAsync(app, ownerLogin, Ct))
        {
            await SiteSeeder.ClaimAsync(app.Services, tag, owner.UserId, settings, Ct);
        }

        var hostPage = hostPages.Add($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>A webmaster's page</title></head>
            <body>{SiteSnippets.Iframe(app.BaseAddress, tag, settings)}</body>
            </html>
            """);
        await using var moderator = await browsers.NewVisitorAsync("moderator");
        await using var anna = await browsers.NewVisitorAsync("anna");
        var moderatorCall = await SignedInCallAsync(moderator, hostPage, ownerLogin);
        var annaCall = await SignedInCallAsync(anna, hostPage, annaName);

        await annaCall.GetByRole(AriaRole.Button, new() { Name = "Join the call" }).ClickAsync();

        await Expect(annaCall.GetByRole(AriaRole.Status).Filter(new() { HasText = "Waiting for a moderator to let you in" })).ToBeVisibleAsync();
        await Expect(annaCall.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeVisibleAsync();
        await Expect(annaCall.GetByRole(AriaRole.Button, new() { Name = "Join the call" })).ToBeHiddenAsync();
        await Expect(annaCall.Locator(".call-live")).ToBeHiddenAsync();
        var request = moderatorCall.Locator(".call-requests li");
        await Expect(request).ToHaveTextAsync($"{annaName} asks to join the call" + "AdmitDecline");

        await request.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();

        await Expect(moderatorCall.Locator(".call-requests")).ToBeHiddenAsync();
        await Expect(annaCall.Locator(".call-status")).ToHaveTextAsync("A moderator let you in.");
        await annaCall.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(annaCall.GetByRole(AriaRole.Button, new() { Name = "Leave" })).ToBeVisibleAsync();
        await Expect(annaCall.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaName}");
        await CallScene.JoinThroughCheckAsync(moderatorCall);
        await Expect(annaCall.Locator(".call-tile video")).ToHaveCountAsync(2, new() { Timeout = (float)CallScene.MediaDeadline.TotalMilliseconds });
    }

    private static async Task<ILocator> SignedInCallAsync(Visitor visitor, Uri hostPage, string login)
    {
        var page = await visitor.Context.NewPageAsync();
        await page.GotoAsync(hostPage.ToString());
        var widget = new EmbeddedWidget(page, page.Locator("iframe"));
        await widget.SignInThroughPopupAsync(login);
        return widget.Root.Locator(".call");
    }
}
