using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>The widget as someone who writes with the keyboard alone uses it.</summary>
public sealed class KeyboardTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task FirstTab_OffersWritingAPost_AndEscapeLeavesAReplyOrAnEdit()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using (var author = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct))
        {
            // As many as the posting rate allows at once, each with two links to Tab past.
            for (var i = 1; i <= 5; i++)
            {
                await author.PostAsync(tag, $"post {i} with https://example.org/{i} and #{tag}", ct);
            }
        }

        await using var visitor = await browsers.NewVisitorAsync("anna");
        var widget = await visitor.OpenAsync(hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag))));
        await widget.SignInThroughPopupAsync(TestTags.NewLogin());
        await widget.HostPage.ReloadAsync();
        await Expect(widget.Compose).ToBeVisibleAsync();

        await widget.HostPage.Keyboard.PressAsync("Tab");
        var skip = widget.Root.Locator(".skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Write a post");
        await widget.HostPage.Keyboard.PressAsync("Enter");
        await Expect(widget.MessageBox).ToBeFocusedAsync();

        await widget.ActOnPostAsync("post 3 with", "Reply");
        await Expect(widget.ComposeContext).ToBeVisibleAsync();
        await widget.MessageBox.PressAsync("Escape");
        await Expect(widget.ComposeContext).ToBeHiddenAsync();

        await widget.SendAsync("my own words");
        await widget.ActOnPostAsync("my own words", "Edit");
        await Expect(widget.MessageBox).ToHaveValueAsync("my own words");
        await widget.MessageBox.PressAsync("Escape");
        await Expect(widget.ComposeContext).ToBeHiddenAsync();
        await Expect(widget.MessageBox).ToHaveValueAsync("");
    }
}
