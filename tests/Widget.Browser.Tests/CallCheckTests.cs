using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// "Join the call" opens a check first: the camera and microphone are asked for only then, the preview is live,
/// the microphone's meter moves, the devices are listed, and the network test says plainly that this site has
/// no relay server (the shared test service configures no TURN).
/// </summary>
[Collection(CallsCollection.Name)]
public sealed class CallCheckTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    // Counts getUserMedia calls in every frame, before the widget runs.
    private const string CountUserMedia = """
        (() => {
          window.userMediaCalls = 0;
          const devices = navigator.mediaDevices;
          if (!devices) return;
          const native = devices.getUserMedia.bind(devices);
          devices.getUserMedia = (constraints) => { window.userMediaCalls += 1; return native(constraints); };
        })();
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JoinTheCall_OpensACheck_WithALivePreviewMovingMeterAndDevices_AndNoCameraBeforeTheClick()
    {
        var scene = await CallScene.CreateAsync(app, hostPages, Ct);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await anna.Context.AddInitScriptAsync(CountUserMedia);
        var widget = await scene.OpenAsync(anna);
        await widget.SignInThroughPopupAsync(TestTags.NewLogin());
        var call = CallScene.Call(widget);
        var check = call.Locator(".call-check");
        await Expect(call.GetByRole(AriaRole.Button, new() { Name = "Join the call" })).ToBeVisibleAsync();
        Assert.Equal(0, await widget.EvaluateAsync<int>("() => window.userMediaCalls"));
        await Expect(check).ToBeHiddenAsync();
        await Expect(call.Locator(".call-live")).ToBeHiddenAsync();

        await call.GetByRole(AriaRole.Button, new() { Name = "Join the call" }).ClickAsync();

        await Expect(check).ToBeVisibleAsync();
        await Expect(call.Locator(".call-live")).ToHaveTextAsync("Your camera and microphone are on");
        await ExpectLivePreviewAsync(widget);
        await ExpectMovingMeterAsync(widget);
        await Expect(call.Locator(".call-choose-camera option")).ToHaveCountAsync(3);
        await Expect(call.Locator(".call-choose-microphone option")).Not.ToHaveCountAsync(0);
        await Expect(call.Locator(".call-check-network")).ToHaveTextAsync(
            "Your network may block calls: the site has no relay server.", new() { Timeout = 15_000 });
        Assert.Empty(await call.Locator(".call-tile").AllAsync());

        await call.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Expect(check).ToBeHiddenAsync();
        await Expect(call.Locator(".call-live")).ToBeHiddenAsync();
        await Expect(call.Locator(".call-devices")).ToBeHiddenAsync();
        Assert.True(await widget.EvaluateAsync<bool>("""
            (root) => root.querySelector('.call-check-preview').srcObject === null
            """));
    }

    /// <summary>The preview plays the camera: frames arrive and its time moves on.</summary>
    private static async Task ExpectLivePreviewAsync(EmbeddedWidget widget)
    {
        var deadline = DateTime.UtcNow + CallScene.MediaDeadline;
        const string Playing = """
            (root) => {
              const video = root.querySelector('.call-check-preview');
              return video.srcObject?.getVideoTracks()[0]?.readyState === 'live' && video.videoWidth > 0 ? video.currentTime : -1;
            }
            """;
        var first = await widget.EvaluateAsync<double>(Playing);
        while (first < 0 || await widget.EvaluateAsync<double>(Playing) <= first)
        {
            Assert.True(DateTime.UtcNow < deadline, "The check's preview never played the camera.");
            await Task.Delay(200, Ct);
            first = first < 0 ? await widget.EvaluateAsync<double>(Playing) : first;
        }
    }

    /// <summary>Chromium's fake microphone beeps twice a second: the meter rises above silence and changes.</summary>
    private static async Task ExpectMovingMeterAsync(EmbeddedWidget widget)
    {
        var deadline = DateTime.UtcNow + CallScene.MediaDeadline;
        var seen = new HashSet<double>();
        while (seen.Count < 3 || seen.Max() < 0.1)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The microphone meter did not move: [{string.Join(", ", seen)}].");
            seen.Add(Math.Round(await widget.EvaluateAsync<double>("(root) => root.querySelector('.call-check-meter').value"), 3));
            await Task.Delay(100, Ct);
        }
    }
}
