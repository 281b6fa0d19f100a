using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// "Continue as NAME": a visitor signed in on the widget's domain signs in on a new site with one click,
/// through the Storage Access API, with no popup. Headless Chromium cannot show the permission prompt
/// and denies every request; granting the permission to the context stands for the visitor saying yes.
/// </summary>
public sealed class ContinueAsTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private const string StorageAccess = "storage-access";

    [Fact]
    public async Task Continue_WhenTheVisitorGrantsStorageAccess_SignsInOnASecondSiteWithoutAPopup()
    {
        var login = TestTags.NewLogin();
        var snippet = HostPages.IframeSnippet(app.WidgetUri(TestTags.New()));
        await using var anna = await browsers.NewVisitorAsync("anna");
        var first = await anna.OpenAsync(hostPages.Add(snippet));
        await first.SignInThroughPopupAsync(login);
        var other = await anna.OpenAsync(HostPages.OnOtherSite(hostPages.Add(snippet)));
        var storage = await ThirdPartyStorage.ProbeAsync(other);
        await Expect(other.ContinueButton).ToHaveTextAsync("Continue with your account");
        var pages = anna.Context.Pages.Count;

        await anna.Context.GrantPermissionsAsync([StorageAccess]);
        await other.ContinueButton.ClickAsync();

        Assert.Equal(ThirdPartyStorage.CookiesBlockedStoragePartitioned, storage);
        await Expect(other.Compose).ToBeVisibleAsync();
        await Expect(other.ComposeUser).ToHaveTextAsync(login);
        Assert.Equal(pages, anna.Context.Pages.Count);
        await other.SendAsync($"signed in by storage access as {login}");
        await Expect(other.Post(login).Locator(".post-author")).ToHaveTextAsync(login);
    }

    [Fact]
    public async Task ContinueAs_WhenStorageAccessWasGrantedBefore_NamesTheVisitorAndSignsInWithOneClick()
    {
        var login = TestTags.NewLogin();
        var snippet = HostPages.IframeSnippet(app.WidgetUri(TestTags.New()));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await anna.Context.GrantPermissionsAsync([StorageAccess]);
        var first = await anna.OpenAsync(hostPages.Add(snippet));
        await first.SignInThroughPopupAsync(login);
        var other = await anna.OpenAsync(HostPages.OnOtherSite(hostPages.Add(snippet)));
        await Expect(other.ContinueButton).ToHaveTextAsync($"Continue as {login}");
        var pages = anna.Context.Pages.Count;

        await other.ContinueButton.ClickAsync();

        await Expect(other.ComposeUser).ToHaveTextAsync(login);
        await Expect(other.SignInButton).ToBeHiddenAsync();
        Assert.Equal(pages, anna.Context.Pages.Count);
    }

    [Fact]
    public async Task Continue_WhenStorageAccessIsDenied_LeavesThePopupWorking()
    {
        var login = TestTags.NewLogin();
        var snippet = HostPages.IframeSnippet(app.WidgetUri(TestTags.New()));
        await using var anna = await browsers.NewVisitorAsync("anna");
        var first = await anna.OpenAsync(hostPages.Add(snippet));
        await first.SignInThroughPopupAsync(login);
        var other = await anna.OpenAsync(HostPages.OnOtherSite(hostPages.Add(snippet)));
        var storage = await ThirdPartyStorage.ProbeAsync(other);

        await other.ContinueButton.ClickAsync();
        await Expect(other.ContinueButton).ToBeHiddenAsync();
        await Expect(other.SignInButton).ToBeFocusedAsync();
        var popup = await other.ClickSignInAsync();
        await SignInPopup.WaitUntilClosedAsync(popup);

        Assert.Equal(ThirdPartyStorage.CookiesBlockedStoragePartitioned, storage);
        await Expect(other.ComposeUser).ToHaveTextAsync(login);
    }
}
