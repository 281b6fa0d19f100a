using Widget.Browser.Tests.Infrastructure;
using Widget.Testing;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// Past the video cap a newcomer joins with sound only, and is told so; past the cap the call is full. The caps
/// are set low (two cameras, three people) so that the test stays within what a small machine runs.
/// </summary>
[Collection(CallsCollection.Name)]
public sealed class AudioOnlyCallTests(HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PastTheVideoCap_ANewcomerJoinsWithSoundOnly_AndPastTheCap_IsToldTheCallIsFull()
    {
        await using var service = await WidgetService.StartAsync(
            new Dictionary<string, string>
            {
                ["Auth:CrossSiteCookie"] = "true",
                ["Auth:PopupStartsPerMinute"] = "100000",
                ["Calls:MaxVideoParticipants"] = "2",
                ["Calls:MaxParticipants"] = "3",
            },
            Ct);
        var scene = await CallScene.CreateAsync(service.Services, service.BaseAddress, service.CreateClient(), hostPages, relayOnly: false, Ct);

        // Disposed before the service stops, so the pages do not log its going away as this test's failures.
        await using (var anna = await browsers.NewVisitorAsync("anna"))
        await using (var boris = await browsers.NewVisitorAsync("boris"))
        await using (var clara = await browsers.NewVisitorAsync("clara"))
        await using (var dmitri = await browsers.NewVisitorAsync("dmitri"))
        {
            // The fourth signs in first: three fake cameras encoding on a small machine slow a popup past its wait.
            var dmitris = await scene.OpenAsync(dmitri);
            await dmitris.SignInThroughPopupAsync(TestTags.NewLogin());
            var annas = await scene.JoinAsync(anna, TestTags.NewLogin());
            await scene.JoinAsync(boris, TestTags.NewLogin());
            var claras = await scene.JoinAsync(clara, TestTags.NewLogin());
            var claraCall = CallScene.Call(claras);

            await Expect(claraCall.Locator(".call-status")).ToContainTextAsync("you are in it with sound only");
            await Expect(claraCall.Locator(".call-live")).ToHaveTextAsync("Your microphone is on");
            await Expect(claraCall.Locator(".call-camera")).ToBeHiddenAsync();
            Assert.Empty(await CallStats.SentTrackLabelsAsync(claras, "video"));
            await CallStats.ExpectReceivingAsync(claras, peers: 2, videos: 1, Ct);
            // Those within the cap still send their camera to everyone, the newcomer included.
            Assert.Equal(["fake_device_0", "fake_device_0"], await CallStats.SentTrackLabelsAsync(annas, "video"));

            var dmitriCall = CallScene.Call(dmitris);
            await dmitriCall.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Join the call" }).ClickAsync();
            await dmitriCall.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();

            await Expect(dmitriCall.Locator(".call-status")).ToHaveTextAsync("The call is full.");
            await Expect(dmitriCall.Locator(".call-live")).ToBeHiddenAsync();
        }
    }
}
