using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Two visitors of a site with calls on join its channel's call from the widget and see and hear each other.</summary>
[Collection(CallsCollection.Name)]
public sealed class CallTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoVisitors_JoinTheChannelsCall_AndEachReceivesTheOthersVideoAndAudio()
    {
        var scene = await CallScene.CreateAsync(app, hostPages, Ct);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var annas = await scene.OpenAsync(anna);
        var boriss = await scene.OpenAsync(boris);
        var (annaName, borisName) = (TestTags.NewLogin(), TestTags.NewLogin());
        await annas.SignInThroughPopupAsync(annaName);
        await boriss.SignInThroughPopupAsync(borisName);
        var (annaCall, borisCall) = (CallScene.Call(annas), CallScene.Call(boriss));
        await Expect(annaCall.Locator(".call-roster")).ToHaveTextAsync("Nobody is in the call.");
        await Expect(annaCall.Locator(".call-live")).ToBeHiddenAsync();

        await CallScene.JoinThroughCheckAsync(annaCall);
        await Expect(borisCall.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaName}");
        await CallScene.JoinThroughCheckAsync(borisCall);

        foreach (var (widget, call) in new[] { (annas, annaCall), (boriss, borisCall) })
        {
            await Expect(call.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaName}, {borisName}");
            await Expect(call.Locator(".call-live")).ToHaveTextAsync("Your camera and microphone are on");
            await Expect(call.Locator(".call-tile video")).ToHaveCountAsync(2);
            await CallStats.ExpectReceivingAsync(widget, peers: 1, videos: 1, Ct);
        }

        await borisCall.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();

        await Expect(annaCall.Locator(".call-roster")).ToHaveTextAsync($"In the call: {annaName}");
        await Expect(annaCall.Locator(".call-tile video")).ToHaveCountAsync(1);
        await Expect(borisCall.Locator(".call-live")).ToBeHiddenAsync();
        await Expect(borisCall.GetByRole(AriaRole.Button, new() { Name = "Join the call" })).ToBeVisibleAsync();
    }
}
