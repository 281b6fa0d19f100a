using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>The webmaster's path, as one takes it: sign in, claim a tag, set it up, paste the snippet.</summary>
public sealed class ConfiguratorTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task Configurator_ClaimSetUpAndPaste_GivesAWorkingWidget()
    {
        var tag = TestTags.New();
        var title = $"Talk about {tag}";
        await using var webmaster = await browsers.NewVisitorAsync(
            "webmaster", new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await webmaster.Context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/signin?returnUrl=/sites").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Dev" }).ClickAsync();
        await SignInPopup.SignInAsync(page, TestTags.NewLogin());
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/sites").ToString());
        await BlazorPages.WaitUntilInteractiveAsync(page, "form.claim");

        await page.GetByLabel("Tag").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, $"/sites/{tag}").ToString());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Moderator desk" })).ToHaveAttributeAsync("href", $"/mod/{tag}");
        // Typed, not yet left: the preview follows every keystroke.
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Theme").SelectOptionAsync("Dark");
        await page.GetByLabel("Own colours").CheckAsync();
        // Own colours start from the dark theme's; a light red stays readable on its background.
        await Expect(page.GetByLabel("Background")).ToHaveValueAsync("#17191d");
        await page.GetByLabel("Accent").FillAsync("#ff6666");
        var preview = new EmbeddedWidget(page, page.Locator("iframe[title=\"Preview of the widget\"]"));
        await Expect(preview.Title).ToHaveTextAsync(title);
        await Expect(preview.Root).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(preview.SignInButton).ToHaveCSSAsync("background-color", "rgb(255, 102, 102)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".actions [role=status]")).ToHaveTextAsync("Saved.");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("configurator.png") });
        // Loaded afresh at its own address, the page shows what was saved and comes alive again.
        await page.ReloadAsync();
        await BlazorPages.WaitUntilInteractiveAsync(page, "form.settings");
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
        await Expect(preview.Title).ToHaveTextAsync(title);
        var snippet = await page.Locator("#snippet-iframe").InputValueAsync();

        var hostPage = hostPages.Add($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pasted</title></head><body>{snippet}</body></html>");
        await using var visitor = await browsers.NewVisitorAsync("visitor");
        var visitorsPage = await visitor.Context.NewPageAsync();
        await visitorsPage.GotoAsync(hostPage.ToString());
        var widget = new EmbeddedWidget(visitorsPage, visitorsPage.Locator("iframe"));

        Assert.Contains($"src=\"{app.WidgetUri(tag)}\"", snippet, StringComparison.Ordinal);
        await Expect(widget.Title).ToHaveTextAsync(title);
        await Expect(widget.Root).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(widget.SignInButton).ToHaveCSSAsync("background-color", "rgb(255, 102, 102)");
    }

    [Fact]
    public async Task Configurator_ClaimOfATagOthersPostedIn_SaysWhyAndWhoCanHelp()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using (var member = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct))
        {
            await member.PostAsync(tag, "our channel", ct);
        }

        await using var webmaster = await browsers.NewVisitorAsync("webmaster");
        var page = await webmaster.Context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/account/signin?returnUrl=/sites").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Dev" }).ClickAsync();
        await SignInPopup.SignInAsync(page, TestTags.NewLogin());
        await BlazorPages.WaitUntilInteractiveAsync(page, "form.claim");

        await page.GetByLabel("Tag").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();

        await Expect(page.Locator("form.claim [role=alert]"))
            .ToHaveTextAsync($"Others have already posted in #{tag}; ask an administrator to hand it to you.");
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/sites").ToString());
    }
}
