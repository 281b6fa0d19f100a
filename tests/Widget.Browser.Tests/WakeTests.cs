using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// A phone's tab that slept: its socket may have died without a close and still look connected. Waking, the widget
/// finds that out within seconds, not at the end of the connection's 25 s timeout, and shows what it missed.
/// </summary>
public sealed partial class WakeTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    [Fact]
    public async Task ASocketThatDiedAsleep_IsReplacedOnWaking_AndWhatWasMissedShows()
    {
        var hostPage = hostPages.Add(HostPages.IframeSnippet(app.WidgetUri(TestTags.New())));
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var bob = await browsers.NewVisitorAsync("bob");
        var sockets = new DyingSockets();
        await anna.Context.RouteWebSocketAsync(LiveHub(), sockets.Pass);
        var annas = await anna.OpenAsync(hostPage);
        var bobs = await bob.OpenAsync(hostPage);
        await bobs.SignInThroughPopupAsync(TestTags.NewLogin());
        await bobs.SendAsync("before the nap");
        await Expect(annas.Post("before the nap")).ToBeVisibleAsync();

        sockets.KillFirst();
        await bobs.SendAsync("during the nap");
        await Expect(bobs.Post("during the nap")).ToBeVisibleAsync();
        await Expect(annas.Post("during the nap")).ToHaveCountAsync(0);

        await annas.EvaluateAsync<bool>("() => window.dispatchEvent(new Event('online'))");
        await Expect(annas.Post("during the nap")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.True(sockets.Opened >= 2, "the widget showed the post without opening a new socket");
    }

    [GeneratedRegex("/hubs/live")]
    private static partial Regex LiveHub();

    /// <summary>Passes each socket's frames both ways, until the first one is killed: from then on it passes nothing, and closes nothing.</summary>
    private sealed class DyingSockets
    {
        private int opened;
        private volatile bool firstDead;

        public int Opened => Volatile.Read(ref opened);

        public void KillFirst() => firstDead = true;

        public void Pass(IWebSocketRoute page)
        {
            var first = Interlocked.Increment(ref opened) == 1;
            var server = page.ConnectToServer();
            page.OnMessage(frame => Forward(frame, server.Send, server.Send));
            server.OnMessage(frame => Forward(frame, page.Send, page.Send));

            void Forward(IWebSocketFrame frame, Action<string> text, Action<byte[]> binary)
            {
                if (first && firstDead)
                {
                    return;
                }

                if (frame.Text is { } words)
                {
                    text(words);
                }
                else
                {
                    binary(frame.Binary!);
                }
            }
        }
    }
}
