using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Signing out of the webmaster's pages: their own button does it, another site's form does not.</summary>
public sealed class AccountSignOutTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task SignOut_FormOnAnotherSiteSubmittingItself_LeavesTheWebmasterSignedIn()
    {
        await using var webmaster = await browsers.NewVisitorAsync("webmaster");
        var page = await webmaster.Context.NewPageAsync();
        var sites = new Uri(app.BaseAddress, "/sites").ToString();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/signin?returnUrl=/sites").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Dev" }).ClickAsync();
        await SignInPopup.SignInAsync(page, TestTags.NewLogin());
        await Expect(page).ToHaveURLAsync(sites);
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).ToBeVisibleAsync();
        var forgery = hostPages.Add($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Win a prize</title></head>
            <body>
            <form method="post" action="{new Uri(app.BaseAddress, "/account/signout")}">
            <input type="hidden" name="__RequestVerificationToken" value="forged">
            </form>
            <script>document.forms[0].submit();</script>
            </body>
            </html>
            """);

        var forged = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(forgery.ToString()), response => response.Url.EndsWith("/account/signout", StringComparison.Ordinal));
        await page.GotoAsync(sites);

        await Expect(page).ToHaveURLAsync(sites);
        Assert.Equal(400, forged.Status);
        await BlazorPages.WaitUntilInteractiveAsync(page, "form.claim");
        await signOut.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/").ToString());
        await page.GotoAsync(sites);
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/account/signin?ReturnUrl=%2Fsites").ToString());
    }
}
