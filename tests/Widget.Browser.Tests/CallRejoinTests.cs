using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>A visitor whose network drops during a call is back in it when the network returns, without a click.</summary>
[Collection(CallsCollection.Name)]
public sealed class CallRejoinTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NetworkDrop_RejoinsTheCall_WithANewConnection_AndMediaFlowsAgain()
    {
        var scene = await CallScene.CreateAsync(app, hostPages, Ct);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        var (annaName, borisName) = (TestTags.NewLogin(), TestTags.NewLogin());
        var annas = await scene.JoinAsync(anna, annaName);
        var boriss = await scene.JoinAsync(boris, borisName);
        var (annaCall, borisCall) = (CallScene.Call(annas), CallScene.Call(boriss));
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 1, Ct);

        // The widget takes its connection for dead after 10 s of silence: it drops the peer and keeps the camera.
        await anna.Context.SetOfflineAsync(true);
        await Expect(annaCall.Locator(".call-tile video")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(annaCall.Locator(".call-live")).ToBeVisibleAsync();
        await anna.Context.SetOfflineAsync(false);

        await Expect(borisCall.Locator(".call-roster")).ToHaveTextAsync($"In the call: {borisName}, {annaName}", new() { Timeout = 30_000 });
        await Expect(annaCall.GetByRole(AriaRole.Button, new() { Name = "Leave" })).ToBeVisibleAsync();
        await CallStats.ExpectReceivingAsync(boriss, peers: 1, videos: 1, Ct);
        await CallStats.ExpectReceivingAsync(annas, peers: 1, videos: 1, Ct);
    }
}
