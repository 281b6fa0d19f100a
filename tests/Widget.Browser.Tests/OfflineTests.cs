using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A visitor whose network drops: told at once, and nothing they write is lost.</summary>
public sealed class OfflineTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task NetworkDrop_IsShownAtOnce_AndAPostWrittenMeanwhileIsSentOnReturn()
    {
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New())));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var bob = await browsers.NewVisitorAsync("bob");
        var annas = await anna.OpenAsync(hostPage);
        var bobs = await bob.OpenAsync(hostPage);
        await annas.SignInThroughPopupAsync(TestTags.NewLogin());
        var status = annas.Root.Locator(".status");

        await anna.Context.SetOfflineAsync(true);
        await Expect(status).ToHaveTextAsync("You are offline.", new() { Timeout = 2_000 });
        await Expect(annas.Root).ToHaveAttributeAsync("data-offline", "");
        await annas.MessageBox.FillAsync("written on the train");
        await annas.MessageBox.PressAsync("Enter");
        await Expect(status).ToHaveTextAsync("It will be sent when you are back online.");
        await Expect(bobs.Post("written on the train")).ToHaveCountAsync(0);

        await anna.Context.SetOfflineAsync(false);
        await Expect(bobs.Post("written on the train")).ToBeVisibleAsync();
        await Expect(annas.Post("written on the train")).ToBeVisibleAsync();
        await Expect(annas.MessageBox).ToHaveValueAsync("");
        await Expect(status).ToHaveTextAsync("");
        await Expect(annas.Root).Not.ToHaveAttributeAsync("data-offline", "");
    }
}
