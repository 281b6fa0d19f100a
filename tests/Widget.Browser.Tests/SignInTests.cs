using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

public sealed class SignInTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task SignIn_InAThirdPartyIframeWithCookiesBlocked_PostsAndAnotherWindowSeesIt()
    {
        var login = TestTags.NewLogin();
        var text = $"hello from {login}: <b>tag</b> & more";
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New())));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var bob = await browsers.NewVisitorAsync("bob");
        var annas = await anna.OpenAsync(hostPage);
        await annas.HostPage.EvaluateAsync("() => { document.cookie = 'site=1; Path=/'; }");
        var storage = await ThirdPartyStorage.ProbeAsync(annas);
        var bobs = await bob.OpenAsync(hostPage);
        // Gone if the document is ever reloaded, so it proves the post arrived live.
        await bobs.EvaluateAsync<bool>("root => root.ownerDocument.defaultView.openedOnce = true");

        await annas.SignInThroughPopupAsync(login);
        await annas.SendAsync(text);
        await annas.Iframe.ScreenshotAsync(new() { Path = Screenshots.PathFor("widget-signed-in.png") });

        Assert.Equal(ThirdPartyStorage.CookiesBlockedStoragePartitioned, storage);
        await Expect(annas.ComposeUser).ToHaveTextAsync(login);
        var seen = bobs.Post(text);
        await Expect(seen.Locator(".post-text")).ToHaveTextAsync(text);
        await Expect(seen.Locator(".post-text *")).ToHaveCountAsync(0);
        await Expect(seen.Locator(".post-author")).ToHaveTextAsync(login);
        Assert.True(await bobs.EvaluateAsync<bool>("root => root.ownerDocument.defaultView.openedOnce === true"), "Bob's widget reloaded.");
        await Expect(bobs.SignInButton).ToBeVisibleAsync();
        await Expect(annas.Post(text)).ToHaveCountAsync(1);
        Assert.Equal(["site=1"], await anna.CookiesForAsync(hostPage));
        Assert.Equal("site=1", await annas.HostPage.EvaluateAsync<string>("() => document.cookie"));
    }

    [Fact]
    public async Task Widget_SignedInPopup_WhenAlreadySignedInOnWidgetDomain_ClosesAtOnce()
    {
        var login = TestTags.NewLogin();
        var snippet = HostPages.IframeSnippet(app.WidgetUri(TestTags.New()));
        await using var anna = await browsers.NewVisitorAsync("anna");
        var first = await anna.OpenAsync(hostPages.Add(snippet));
        await first.SignInThroughPopupAsync(login);
        // Another site keeps its own partition of the iframe's storage, so its widget starts signed out.
        var other = await anna.OpenAsync(HostPages.OnOtherSite(hostPages.Add(snippet)));
        var storage = await ThirdPartyStorage.ProbeAsync(other);
        await Expect(other.SignInButton).ToBeVisibleAsync();
        var visited = new List<string>();
        anna.Context.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                lock (visited)
                {
                    visited.Add(request.Url);
                }
            }
        };

        var popup = await other.ClickSignInAsync();
        await SignInPopup.WaitUntilClosedAsync(popup);

        Assert.Equal(ThirdPartyStorage.CookiesBlockedStoragePartitioned, storage);
        await Expect(other.Compose).ToBeVisibleAsync();
        await Expect(other.ComposeUser).ToHaveTextAsync(login);
        lock (visited)
        {
            // Only the widget's own pages: the provider, and so its login form, never came up.
            Assert.All(visited, url => Assert.StartsWith(app.BaseAddress.GetLeftPart(UriPartial.Authority) + "/auth/", url, StringComparison.Ordinal));
            Assert.Contains(visited, url => url.Contains("/auth/complete?", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SignIn_OnOnePageOfASite_KeepsTheWidgetSignedInOnTheSitesOtherPages_AskingNothingOfOtherMachines()
    {
        var login = TestTags.NewLogin();
        var snippet = HostPages.IframeSnippet(app.WidgetUri(TestTags.New()));
        await using var anna = await browsers.NewVisitorAsync("anna");
        var home = await anna.OpenAsync(hostPages.Add(snippet));
        await home.SignInThroughPopupAsync(login);

        var about = await anna.OpenAsync(hostPages.Add(snippet));

        await Expect(about.Compose).ToBeVisibleAsync();
        await Expect(about.ComposeUser).ToHaveTextAsync(login);
        await Expect(about.SignInButton).ToBeHiddenAsync();
        Assert.Empty(anna.RequestsOffThisMachine);
    }
}
