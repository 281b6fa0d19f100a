using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>The configurator's Copy buttons, and what the copied snippets make on a webmaster's page.</summary>
public sealed class SnippetCopyTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task CopyButton_PressedFromTheKeyboard_CopiesABubbleSnippetThatTakesTheSitesTitleAndAccent()
    {
        var tag = TestTags.New();
        const string Title = "Чат «Котики» & \"друзья\" <18+>";
        await using var webmaster = await browsers.NewVisitorAsync("webmaster", new()
        {
            ViewportSize = new() { Width = 1280, Height = 900 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await webmaster.Context.NewPageAsync();
        await ClaimAsync(page, tag);
        await page.GetByLabel("Title").FillAsync(Title);
        await page.GetByLabel("Theme").SelectOptionAsync("Light");
        await page.GetByLabel("Own colours").CheckAsync();
        await page.GetByLabel("Accent").FillAsync("#b3261e");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".actions [role=status]")).ToHaveTextAsync("Saved.");
        var bubbleSnippet = page.Locator(".site-snippet").Filter(new() { Has = page.Locator("#snippet-bubble") });
        await Expect(page.Locator("#snippet-bubble")).ToHaveValueAsync(
            $"<script async src=\"{new Uri(app.BaseAddress, "/embed.js")}\" data-widget-tag=\"{tag}\" " +
            "data-widget-title=\"Чат «Котики» &amp; &quot;друзья&quot; &lt;18+&gt;\" data-widget-accent=\"#b3261e\"></script>");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy: Floating bubble" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(bubbleSnippet.GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(await page.Locator("#snippet-bubble").InputValueAsync(), copied);
        await Expect(page.Locator(".site-snippet").GetByRole(AriaRole.Status).Filter(new() { HasText = "Copied" })).ToHaveCountAsync(1);
        await page.Locator(".preview").ScreenshotAsync(new() { Path = Screenshots.PathFor("snippets.png") });

        var hostPage = hostPages.Add($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pasted</title></head><body>{copied}</body></html>");
        await using var visitor = await browsers.NewVisitorAsync("visitor");
        var visitorsPage = await visitor.Context.NewPageAsync();
        await visitorsPage.AddInitScriptAsync(ShadowRoots.OpenAll);
        await visitorsPage.GotoAsync(hostPage.ToString());
        var bubble = visitorsPage.GetByRole(AriaRole.Button, new() { Name = Title, Exact = true });
        await bubble.ClickAsync();
        var widget = new EmbeddedWidget(visitorsPage, visitorsPage.Locator("iframe"));

        await Expect(bubble).ToHaveCSSAsync("background-color", "rgb(179, 38, 30)");
        await Expect(widget.Iframe).ToHaveAttributeAsync("title", Title);
        await Expect(widget.Title).ToHaveTextAsync(Title);
    }

    private async Task ClaimAsync(IPage page, string tag)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/signin?returnUrl=/sites").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Dev" }).ClickAsync();
        await SignInPopup.SignInAsync(page, TestTags.NewLogin());
        await BlazorPages.WaitUntilInteractiveAsync(page, "form.claim");
        await page.GetByLabel("Tag").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, $"/sites/{tag}").ToString());
        await BlazorPages.WaitUntilInteractiveAsync(page, "form.settings");
    }
}
