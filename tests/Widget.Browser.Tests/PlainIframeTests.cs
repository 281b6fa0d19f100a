using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

public sealed class PlainIframeTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Widget_InAPlainIframeWithoutScriptOnTheHostPage_ShowsPosts(bool javaScriptEnabled)
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        string[] texts = ["first <i>post</i>", "second post", "third & last"];
        using (var author = await ApiAuthor.SignInAsync(app, TestTags.NewLogin(), ct))
        {
            foreach (var text in texts)
            {
                await author.PostAsync(tag, text, ct);
            }
        }

        await using var reader = await browsers.NewVisitorAsync("reader", new() { JavaScriptEnabled = javaScriptEnabled });
        var widget = await reader.OpenAsync(hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(tag))));

        // Oldest first, as a chat reads, and every character as it was typed.
        await Expect(widget.PostTexts).ToHaveTextAsync(texts);
        await Expect(widget.Post(texts[^1])).ToBeInViewportAsync();
    }
}
