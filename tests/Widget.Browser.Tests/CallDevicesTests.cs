using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// In a call of two: the other's tile lights while their microphone carries sound and goes dark when they mute,
/// and choosing another camera or microphone replaces what is sent without a new offer or a failed connection.
/// Chromium's fake devices give three cameras (ChromiumLaunch) and a microphone that beeps twice a second.
/// </summary>
[Collection(CallsCollection.Name)]
public sealed class CallDevicesTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SpeakingLights_AndAnotherCameraOrMicrophone_IsSentWithoutRenegotiating()
    {
        var scene = await CallScene.CreateAsync(app, hostPages, Ct);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var annaName = TestTags.NewLogin();
        var annas = await scene.JoinAsync(anna, annaName);
        var boriss = await scene.JoinAsync(boris, TestTags.NewLogin());
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 1, Ct);
        var annaCall = CallScene.Call(annas);
        var annasTile = CallScene.Call(boriss).Locator(".call-tile", new() { HasText = annaName });

        await Expect(annasTile).ToHaveAttributeAsync("data-speaking", "true");
        await annaCall.GetByRole(AriaRole.Button, new() { Name = "Mute" }).ClickAsync();
        await Expect(annasTile).ToHaveAttributeAsync("data-speaking", "false");
        await annaCall.GetByRole(AriaRole.Button, new() { Name = "Unmute" }).ClickAsync();
        await Expect(annasTile).ToHaveAttributeAsync("data-speaking", "true");

        var negotiations = await CallStats.NegotiationsAsync(annas);
        Assert.Equal(["fake_device_0"], await CallStats.SentTrackLabelsAsync(annas, "video"));
        await annaCall.Locator(".call-choose-camera").SelectOptionAsync(new SelectOptionValue { Label = "fake_device_2" });
        await annaCall.Locator(".call-choose-microphone").SelectOptionAsync(new SelectOptionValue { Label = "Fake Audio Input 1" });

        await ExpectSentAsync(annas, "video", "fake_device_2");
        await ExpectSentAsync(annas, "audio", "Fake Audio Input 1");
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 1, Ct);
        await Expect(annasTile).ToHaveAttributeAsync("data-speaking", "true");
        Assert.Equal(negotiations, await CallStats.NegotiationsAsync(annas));
        Assert.Equal(0, await CallStats.FailuresAsync(annas));
        Assert.Equal(0, await CallStats.FailuresAsync(boriss));
        Assert.Equal(["stable"], await CallStats.SignalingStatesAsync(annas));
    }

    private static async Task ExpectSentAsync(EmbeddedWidget widget, string kind, string label)
    {
        var deadline = DateTime.UtcNow + CallScene.MediaDeadline;
        var labels = await CallStats.SentTrackLabelsAsync(widget, kind);
        while (labels is not [var sent] || sent != label)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Sending {kind} [{string.Join(", ", labels)}], not {label}.");
            await Task.Delay(200, Ct);
            labels = await CallStats.SentTrackLabelsAsync(widget, kind);
        }
    }
}
