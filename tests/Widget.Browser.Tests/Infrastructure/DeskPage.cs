using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>The moderator's desk at /mod/{tag}, as its owner reaches it: first-party sign-in, claim, desk.</summary>
internal sealed class DeskPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Signs in as a new webmaster, claims <paramref name="tag"/> and opens its desk, ready for clicks.</summary>
    public static async Task<DeskPage> OpenAsync(Visitor moderator, WidgetApp app, string tag)
    {
        var page = await moderator.Context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/signin?returnUrl=/sites").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Dev" }).ClickAsync();
        await SignInPopup.SignInAsync(page, TestTags.NewLogin());
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/sites").ToString());
        await BlazorPages.WaitUntilInteractiveAsync(page, "form.claim");
        await page.GetByLabel("Tag").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, $"/sites/{tag}").ToString());
        await page.GotoAsync(new Uri(app.BaseAddress, $"/mod/{tag}").ToString());
        await BlazorPages.WaitUntilInteractiveAsync(page, "button.refresh");
        return new DeskPage(page);
    }

    public ILocator Message => page.Locator(".moderation-message");

    /// <summary>The desk's entry for the post whose text contains <paramref name="text"/>.</summary>
    public ILocator Post(string text) => page.Locator(".moderated-post").Filter(new() { HasText = text });

    /// <summary>The entry among the posts hidden here for the post whose text contains <paramref name="text"/>.</summary>
    public ILocator Hidden(string text) => page.Locator(".hidden-post").Filter(new() { HasText = text });

    /// <summary>The entry in the approval queue for the post whose text contains <paramref name="text"/>.</summary>
    public ILocator Held(string text) => page.Locator(".held-post").Filter(new() { HasText = text });

    public async Task BanAuthorOfAsync(string text, string reason)
    {
        await Post(text).Locator(".ban").ClickAsync();
        await page.Locator("#ban-reason").FillAsync(reason);
        await page.Locator("form.ban-form button[type=submit]").ClickAsync();
    }

    public Task LiftBanAsync() => page.Locator(".bans li button").First.ClickAsync();

    public async Task SetSlowModeAsync(int seconds)
    {
        await page.Locator("#slow-mode").FillAsync(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator(".save-slow-mode").ClickAsync();
    }

    public async Task SetPremoderationAsync(string mode)
    {
        await page.Locator("#premoderation").SelectOptionAsync(mode);
        await page.Locator(".save-premoderation").ClickAsync();
    }
}
