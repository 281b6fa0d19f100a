using Widget.Browser.Tests.Infrastructure;
using Widget.Testing;

namespace Widget.Browser.Tests;

/// <summary>
/// Where the network lets no direct path through, a call goes through TURN: a coturn on loopback checks the
/// credentials the service minted for members, and both browsers are allowed relay candidates only.
/// </summary>
[Collection(CallsCollection.Name)]
public sealed class RelayCallTests(HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RelayOnly_TheCallGoesThroughTurn_WithCredentialsTheServiceMinted()
    {
        await using var turn = await TurnServer.StartAsync(Ct);
        await using var service = await WidgetService.StartAsync(
            new Dictionary<string, string>
            {
                ["Auth:CrossSiteCookie"] = "true",
                ["Auth:PopupStartsPerMinute"] = "100000",
                ["Calls:TurnUrls:0"] = turn.Url,
                ["Calls:TurnSecret"] = TurnServer.Secret,
            },
            Ct);
        var scene = await CallScene.CreateAsync(service.Services, service.BaseAddress, service.CreateClient(), hostPages, relayOnly: true, Ct);

        // Disposed before the service stops, so the pages do not log its going away as this test's failures.
        await using (var anna = await browsers.NewVisitorAsync("anna"))
        await using (var boris = await browsers.NewVisitorAsync("boris"))
        {
            var annas = await scene.JoinAsync(anna, TestTags.NewLogin());
            var boriss = await scene.JoinAsync(boris, TestTags.NewLogin());
            try
            {
                foreach (var widget in new[] { annas, boriss })
                {
                    await CallStats.ExpectReceivingAsync(widget, peers: 1, videos: 1, Ct);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"The relay-only call did not come up. coturn said:\n{string.Join('\n', turn.Output)}", e);
            }

            foreach (var widget in new[] { annas, boriss })
            {
                var pairs = await CallStats.SelectedPairsAsync(widget);
                Assert.NotEmpty(pairs);
                Assert.All(pairs, pair => Assert.Equal("relay/relay", pair));
            }
        }
    }
}
