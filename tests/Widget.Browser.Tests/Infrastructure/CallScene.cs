using Microsoft.Playwright;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Sites;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// A site with calls on, its host page with the configurator's iframe snippet, and visitors who open it with
/// their peer connections recorded (<see cref="CallStats"/>), sign in and join the channel's call.
/// </summary>
internal sealed class CallScene(Uri hostPage, bool relayOnly)
{
    /// <summary>How long media or a renegotiation may take on a busy 2-core machine.</summary>
    public static readonly TimeSpan MediaDeadline = TimeSpan.FromSeconds(30);

    public static Task<CallScene> CreateAsync(WidgetApp app, HostPages hostPages, CancellationToken ct) =>
        CreateAsync(app.Services, app.BaseAddress, app.CreateClient(), hostPages, relayOnly: false, ct);

    /// <summary>The scene on a service of the test's own; <paramref name="relayOnly"/> keeps every call on TURN relays.</summary>
    public static async Task<CallScene> CreateAsync(
        IServiceProvider services, Uri service, HttpClient api, HostPages hostPages, bool relayOnly, CancellationToken ct)
    {
        var tag = TestTags.New();
        var settings = new SiteSettings { Calls = CallsMode.SignedIn, Height = 640 };
        using (var owner = await ApiAuthor.SignInAsync(service, api, TestTags.NewLogin(), ct))
        {
            await SiteSeeder.ClaimAsync(services, tag, owner.UserId, settings, ct);
        }

        return new CallScene(hostPages.Add(HostPage(SiteSnippets.Iframe(service, tag, settings))), relayOnly);
    }

    /// <summary>The page with the iframe snippet, whose title is the site's, opened by a visitor whose peers are recorded.</summary>
    public async Task<EmbeddedWidget> OpenAsync(Visitor visitor)
    {
        await CallStats.RecordPeersAsync(visitor, relayOnly);
        var page = await visitor.Context.NewPageAsync();
        await page.GotoAsync(hostPage.ToString());
        return new EmbeddedWidget(page, page.Locator("iframe"));
    }

    /// <summary>Opens the page, signs in as <paramref name="login"/> and joins the call.</summary>
    public async Task<EmbeddedWidget> JoinAsync(Visitor visitor, string login)
    {
        var widget = await OpenAsync(visitor);
        await widget.SignInThroughPopupAsync(login);
        await JoinThroughCheckAsync(Call(widget));
        return widget;
    }

    /// <summary>"Join the call", then "Join" on the check screen once the camera and microphone are open.</summary>
    public static async Task JoinThroughCheckAsync(ILocator call)
    {
        await call.GetByRole(AriaRole.Button, new() { Name = "Join the call" }).ClickAsync();
        await call.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(call.GetByRole(AriaRole.Button, new() { Name = "Leave" })).ToBeVisibleAsync();
    }

    public static ILocator Call(EmbeddedWidget widget) => widget.Root.Locator(".call");

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
