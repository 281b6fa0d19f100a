using Microsoft.Playwright;
using Widget.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>Three in a call: a full mesh in which everyone sends a smaller picture, and the full one again at two.</summary>
[Collection(CallsCollection.Name)]
public sealed class ThreePersonCallTests(WidgetApp app, HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeVisitors_EachReceiveTheOtherTwo_AndSendLess_UntilOneLeaves()
    {
        var scene = await CallScene.CreateAsync(app, hostPages, Ct);
        await using var anna = await browsers.NewVisitorAsync("anna");
        await using var boris = await browsers.NewVisitorAsync("boris");
        await using var clara = await browsers.NewVisitorAsync("clara");
        var annas = await scene.JoinAsync(anna, TestTags.NewLogin());
        var boriss = await scene.JoinAsync(boris, TestTags.NewLogin());
        await CallStats.ExpectReceivingAsync(annas, peers: 1, videos: 1, Ct);
        await ExpectCameraLimitsAsync(annas, limit => limit == 0, 1);

        var claras = await scene.JoinAsync(clara, TestTags.NewLogin());

        foreach (var widget in new[] { annas, boriss, claras })
        {
            await Expect(CallScene.Call(widget).Locator(".call-tile video")).ToHaveCountAsync(3);
            await CallStats.ExpectReceivingAsync(widget, peers: 2, videos: 1, Ct);
            await ExpectCameraLimitsAsync(widget, limit => limit is > 0 and <= 200_000, 2);
        }

        await CallScene.Call(claras).GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();

        foreach (var widget in new[] { annas, boriss })
        {
            await Expect(CallScene.Call(widget).Locator(".call-tile video")).ToHaveCountAsync(2);
            await ExpectCameraLimitsAsync(widget, limit => limit == 0, 1);
            await CallStats.ExpectReceivingAsync(widget, peers: 1, videos: 1, Ct);
        }
    }

    /// <summary>setParameters settles after the roster changes: polls until every camera sender shows the limit.</summary>
    private static async Task ExpectCameraLimitsAsync(EmbeddedWidget widget, Func<double, bool> expected, int senders)
    {
        var deadline = DateTime.UtcNow + CallScene.MediaDeadline;
        var limits = await CallStats.CameraBitrateLimitsAsync(widget);
        while (limits.Length != senders || !limits.All(expected))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Camera senders' maxBitrate: [{string.Join(", ", limits)}].");
            await Task.Delay(200, Ct);
            limits = await CallStats.CameraBitrateLimitsAsync(widget);
        }
    }
}
