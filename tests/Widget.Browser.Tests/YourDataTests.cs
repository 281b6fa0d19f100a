using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A signed-in visitor takes their data out of the widget, then deletes their account, with no API call of their own.</summary>
public sealed class YourDataTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task YourData_DownloadsThePostsThenDeletesTheAccountAfterAConfirmation()
    {
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New()), height: 600));
        await using var anna = await browsers.NewVisitorAsync("anna");
        var annas = await anna.OpenAsync(hostPage);
        await annas.SignInThroughPopupAsync(TestTags.NewLogin());
        await annas.SendAsync("mine to take away");
        var panel = annas.Root.Locator(".your-data");

        await panel.Locator("summary").ClickAsync();
        var download = await annas.HostPage.RunAndWaitForDownloadAsync(
            () => panel.GetByRole(AriaRole.Button, new() { Name = "Download my posts and reactions" }).ClickAsync());
        Assert.Equal("widget-posts.json", download.SuggestedFilename);
        Assert.Contains("mine to take away", await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        var confirm = panel.GetByRole(AriaRole.Alertdialog);
        await Expect(confirm).ToContainTextAsync("It cannot be undone.");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Keep my account" }).ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
        await Expect(annas.Compose).ToBeVisibleAsync();

        await panel.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();
        await Expect(annas.Root.Locator(".status")).ToHaveTextAsync("Your account has been deleted.");
        await Expect(annas.SignInButton).ToBeVisibleAsync();
        await annas.HostPage.ReloadAsync();
        await Expect(annas.SignInButton).ToBeVisibleAsync();
        await Expect(annas.Post("mine to take away")).ToHaveCountAsync(0);
    }
}
