using System.Text.RegularExpressions;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

public sealed class PresenceTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task TwoSignedInWindows_ShowEachOthersGreenDotsAndTheHeadCount()
    {
        var (annaLogin, bobLogin) = (TestTags.NewLogin(), TestTags.NewLogin());
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New())));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var bob = await browsers.NewVisitorAsync("bob");
        var annas = await anna.OpenAsync(hostPage);
        var bobs = await bob.OpenAsync(hostPage);
        await annas.SignInThroughPopupAsync(annaLogin);
        await bobs.SignInThroughPopupAsync(bobLogin);

        await annas.SendAsync("hello from Anna");
        await bobs.SendAsync("hello from Bob");

        foreach (var widget in new[] { annas, bobs })
        {
            await Expect(widget.Post("hello from Anna")).ToHaveAttributeAsync("data-online", "");
            await Expect(widget.Post("hello from Bob")).ToHaveAttributeAsync("data-online", "");
            await Expect(widget.Root.Locator(".presence")).ToHaveTextAsync("2 here now");
        }
    }

    [Fact]
    public async Task SigningIn_CountsTheVisitorOnce()
    {
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New())));
        await using var anna = await browsers.NewVisitorAsync("anna");
        var annas = await anna.OpenAsync(hostPage);
        await Expect(annas.Root.Locator(".presence")).ToHaveTextAsync("1 here now");
        // Every count the line shows from here on, in order.
        await annas.EvaluateAsync<bool>("""
            root => {
              const line = root.querySelector('.presence');
              root.dataset.counts = '';
              new MutationObserver(() => root.dataset.counts += line.textContent + ';')
                .observe(line, { childList: true, characterData: true, subtree: true });
              return true;
            }
            """);

        await annas.SignInThroughPopupAsync(TestTags.NewLogin());

        await Expect(annas.Root).ToHaveAttributeAsync("data-counts", new Regex("here now"));
        Assert.DoesNotContain("2 here now", await annas.Root.GetAttributeAsync("data-counts"), StringComparison.Ordinal);
    }
}
