using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Names the script writes into the widget's own sentences come without bidi controls, each in a bidi isolate.</summary>
public sealed class BidiNamesTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task TypingLine_WhenTheTypistsNameHasBidiControls_ShowsItCleanInAnIsolate()
    {
        var login = TestTags.NewLogin();
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New())));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var bob = await browsers.NewVisitorAsync("bob");
        var annas = await anna.OpenAsync(hostPage);
        var bobs = await bob.OpenAsync(hostPage);
        await annas.SignInThroughPopupAsync("\u202E" + login + "\u200B\u202C");
        await bobs.SignInThroughPopupAsync(TestTags.NewLogin());

        await Expect(annas.ComposeUser).ToHaveTextAsync(login);
        await annas.MessageBox.PressSequentiallyAsync("hi");

        await Expect(bobs.Root.Locator(".typing bdi")).ToHaveTextAsync(login);
        Assert.DoesNotContain("\u202E", await bobs.Root.Locator(".typing").TextContentAsync(), StringComparison.Ordinal);
    }
}
