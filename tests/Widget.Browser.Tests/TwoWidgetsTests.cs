using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

public sealed class TwoWidgetsTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task SignIn_InOneOfTwoWidgetsOnAPage_SignsInTheOtherWithoutAReload()
    {
        var login = TestTags.NewLogin();
        var widgetUri = app.WidgetUri(TestTags.New());
        var page = hostPages.Add($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Two chats</title></head>
            <body>
            <iframe src="{widgetUri}" width="360" height="480" title="Chat"></iframe>
            <iframe src="{widgetUri}" width="360" height="480" title="Second chat"></iframe>
            </body>
            </html>
            """);
        await using var anna = await browsers.NewVisitorAsync("anna");
        var first = await anna.OpenAsync(page);
        var second = new EmbeddedWidget(first.HostPage, first.HostPage.Locator("iframe[title=\"Second chat\"]"));
        await Expect(second.SignInButton).ToBeVisibleAsync();
        await second.EvaluateAsync<bool>("root => root.ownerDocument.defaultView.openedOnce = true");

        await first.SignInThroughPopupAsync(login);

        await Expect(second.ComposeUser).ToHaveTextAsync(login);
        await Expect(second.SignInButton).ToBeHiddenAsync();
        Assert.True(await second.EvaluateAsync<bool>("root => root.ownerDocument.defaultView.openedOnce === true"), "The second widget reloaded.");
        await second.SendAsync("from the second widget");
        await Expect(first.Post("from the second widget")).ToHaveCountAsync(1);

        await first.Compose.Locator(".signout").ClickAsync();

        await Expect(second.SignInButton).ToBeVisibleAsync();
    }
}
