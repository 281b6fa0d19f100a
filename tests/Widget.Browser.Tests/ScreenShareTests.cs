using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// A visitor in a call shares their screen and stops, by the button and by the browser's own "Stop sharing":
/// each is a renegotiation with every peer, which must settle without a failed connection while the camera
/// goes on arriving.
/// </summary>
[Collection(CallsCollection.Name)]
public sealed class ScreenShareTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SharingTheScreen_ReachesTheOther_AndStopping_LeavesTheCameraFlowing()
    {
        var scene = await CallScene.CreateAsync(app, hostPages, Ct);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var annaName = TestTags.NewLogin();
        var annas = await scene.JoinAsync(anna, annaName);
        var boriss = await scene.JoinAsync(boris, TestTags.NewLogin());
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 1, Ct);
        var shareButton = CallScene.Call(annas).Locator(".call-share");
        var annasScreen = CallScene.Call(boriss).Locator(".call-tile", new() { HasText = $"Screen of {annaName}" });
        await Expect(shareButton).ToHaveTextAsync("Share screen");

        await shareButton.ClickAsync();

        await Expect(shareButton).ToHaveTextAsync("Stop sharing");
        await Expect(shareButton).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(annasScreen).ToBeVisibleAsync();
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 2, Ct);
        await ExpectSettledAsync(annas, boriss);

        await shareButton.ClickAsync();

        await Expect(shareButton).ToHaveTextAsync("Share screen");
        await Expect(annasScreen).ToHaveCountAsync(0);
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 1, Ct);
        await ExpectSettledAsync(annas, boriss);

        await shareButton.ClickAsync();
        await Expect(annasScreen).ToBeVisibleAsync();
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 2, Ct);

        await EndCaptureAsTheBrowserDoesAsync(annas);

        await Expect(shareButton).ToHaveTextAsync("Share screen");
        await Expect(annasScreen).ToHaveCountAsync(0);
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 1, Ct);
        await ExpectSettledAsync(annas, boriss);
    }

    /// <summary>Every connection back to "stable" signalling, and none ever failed.</summary>
    private static async Task ExpectSettledAsync(params EmbeddedWidget[] widgets)
    {
        var deadline = DateTime.UtcNow + CallScene.MediaDeadline;
        foreach (var widget in widgets)
        {
            var states = await CallStats.SignalingStatesAsync(widget);
            while (states.Length == 0 || states.Any(state => state != "stable"))
            {
                Assert.True(DateTime.UtcNow < deadline, $"Signalling did not settle: {string.Join(", ", states)}.");
                await Task.Delay(200, Ct);
                states = await CallStats.SignalingStatesAsync(widget);
            }

            Assert.Equal(0, await CallStats.FailuresAsync(widget));
        }
    }

    /// <summary>
    /// The browser's "Stop sharing" bar ends the capture track, firing "ended" on it, which a page's own
    /// stop() never does; headless Chromium has no such bar, so the event is dispatched on the shared track.
    /// </summary>
    private static Task<bool> EndCaptureAsTheBrowserDoesAsync(EmbeddedWidget widget) => widget.EvaluateAsync<bool>("""
        () => window.recordedPeers.flatMap((pc) => pc.getSenders())
          .map((sender) => sender.track)
          .find((track) => track?.getSettings().displaySurface !== undefined)
          .dispatchEvent(new Event('ended'))
        """);
}
