using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A signed-in visitor calls another present in the channel: accepted, both see and hear each other in a
/// call of their own; declined, the caller is told so and nothing is opened.</summary>
[Collection(CallsCollection.Name)]
public sealed class DirectCallTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallAccepted_BothReceiveTheOthersVideo_OutsideTheChannelsCall()
    {
        var scene = await CallScene.CreateAsync(app, hostPages, Ct);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (annas, boriss, annaName, borisName) = await SignedInAsync(scene, anna, boris);

        await Ring(annas).GetByRole(AriaRole.Button, new() { Name = $"Call {borisName}" }).ClickAsync();
        await Expect(Ring(annas).Locator(".ring-outgoing-text")).ToHaveTextAsync($"Calling {borisName}…");
        await Expect(Ring(boriss).GetByRole(AriaRole.Alert)).ToHaveTextAsync($"{annaName} is calling you");
        await Ring(boriss).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        foreach (var (widget, other) in new[] { (annas, borisName), (boriss, annaName) })
        {
            await Expect(Ring(widget).Locator(".ring-with")).ToHaveTextAsync($"In a call with {other}");
            await Expect(Ring(widget).Locator(".call-tile video")).ToHaveCountAsync(2);
            await Expect(Ring(widget).Locator(".call-live")).ToBeVisibleAsync();
            await CallStats.ExpectReceivingAsync(widget, peers: 1, videos: 1, Ct);
            await Expect(CallScene.Call(widget).Locator(".call-roster")).ToHaveTextAsync("Nobody is in the call.");
        }

        await Ring(boriss).GetByRole(AriaRole.Button, new() { Name = "Hang up" }).ClickAsync();

        await Expect(Ring(annas).Locator(".ring-status")).ToHaveTextAsync($"The call with {borisName} has ended.");
        await Expect(Ring(annas).Locator(".call-live")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task CallDeclined_TheCallerIsTold_AndNoMediaIsStarted()
    {
        var scene = await CallScene.CreateAsync(app, hostPages, Ct);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (annas, boriss, _, borisName) = await SignedInAsync(scene, anna, boris);

        await Ring(annas).GetByRole(AriaRole.Button, new() { Name = $"Call {borisName}" }).ClickAsync();
        await Ring(boriss).GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();

        await Expect(Ring(annas).Locator(".ring-status")).ToHaveTextAsync($"{borisName} declined the call.");
        await Expect(Ring(annas).Locator(".ring-outgoing")).ToBeHiddenAsync();
        await Expect(Ring(boriss).Locator(".ring-incoming")).ToBeHiddenAsync();
        foreach (var widget in new[] { annas, boriss })
        {
            await Expect(Ring(widget).Locator(".call-live")).ToBeHiddenAsync();
            Assert.Equal(0, await widget.EvaluateAsync<int>("() => window.recordedPeers.length"));
        }
    }

    private static ILocator Ring(EmbeddedWidget widget) => widget.Root.Locator(".ring");

    private static async Task<(EmbeddedWidget Anna, EmbeddedWidget Boris, string AnnaName, string BorisName)> SignedInAsync(
        CallScene scene, Visitor anna, Visitor boris)
    {
        var annas = await scene.OpenAsync(anna);
        var boriss = await scene.OpenAsync(boris);
        var (annaName, borisName) = (TestTags.NewLogin(), TestTags.NewLogin());
        await annas.SignInThroughPopupAsync(annaName);
        await boriss.SignInThroughPopupAsync(borisName);
        return (annas, boriss, annaName, borisName);
    }
}
