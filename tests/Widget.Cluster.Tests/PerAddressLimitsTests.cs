using System.Globalization;
using System.Net;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Testing;

namespace Widget.Cluster.Tests;

/// <summary>Two nodes of their own with small per-address limits (the shared ones allow the whole assembly's viewers).</summary>
public sealed class PerAddressLimitsTests(WidgetCluster cluster)
{
    private const int Limit = 4;

    [Fact(Timeout = 120_000)]
    public async Task HubConnections_TwoOnEachNode_TheFifthIsRefusedOnEither()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = LimitedEnvironment();
        await using var c = new WidgetNode("C", FreePort.Next(), environment);
        await using var d = new WidgetNode("D", FreePort.Next(), environment);
        await c.StartAsync(ct);
        await d.StartAsync(ct);
        var tag = ClusterTags.New();
        var viewers = new List<ClusterViewer>();
        try
        {
            foreach (var node in new[] { c, c, d, d })
            {
                viewers.Add(await ClusterViewer.ConnectAsync(node.BaseAddress, tag, token: null, ct));
            }

            var onC = await Assert.ThrowsAsync<HttpRequestException>(() => ClusterViewer.ConnectAsync(c.BaseAddress, tag, token: null, ct));
            var onD = await Assert.ThrowsAsync<HttpRequestException>(() => ClusterViewer.ConnectAsync(d.BaseAddress, tag, token: null, ct));

            Assert.Equal(HttpStatusCode.TooManyRequests, onC.StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, onD.StatusCode);
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
    }

    /// <summary>A node killed with connections open leaves nothing behind once its heartbeat expires.</summary>
    [Fact(Timeout = 120_000)]
    public async Task HubConnections_OfAKilledNode_StopCountingAfterTheNodeTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = LimitedEnvironment();
        await using var c = new WidgetNode("C", FreePort.Next(), environment);
        await using var d = new WidgetNode("D", FreePort.Next(), environment);
        await c.StartAsync(ct);
        await d.StartAsync(ct);
        var tag = ClusterTags.New();
        var viewers = new List<ClusterViewer>();
        try
        {
            for (var i = 0; i < Limit; i++)
            {
                viewers.Add(await ClusterViewer.ConnectAsync(c.BaseAddress, tag, token: null, ct));
            }

            var whileAlive = await Assert.ThrowsAsync<HttpRequestException>(() => ClusterViewer.ConnectAsync(d.BaseAddress, tag, token: null, ct));
            await c.KillAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            ClusterViewer? afterDeath = null;
            while (afterDeath is null)
            {
                try
                {
                    afterDeath = await ClusterViewer.ConnectAsync(d.BaseAddress, tag, token: null, ct);
                }
                catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200, ct);
                }
            }

            viewers.Add(afterDeath);
            Assert.Equal(HttpStatusCode.TooManyRequests, whileAlive.StatusCode);
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task PopupStarts_SpreadOverBothNodes_AreRefusedPastTheLimitOnEither()
    {
        var ct = TestContext.Current.CancellationToken;
        var environment = LimitedEnvironment();
        await using var c = new WidgetNode("C", FreePort.Next(), environment);
        await using var d = new WidgetNode("D", FreePort.Next(), environment);
        await c.StartAsync(ct);
        await d.StartAsync(ct);
        using var onC = PopupClient(c, cluster.Balancer.BaseAddress);
        using var onD = PopupClient(d, cluster.Balancer.BaseAddress);

        var allowed = new List<HttpStatusCode>();
        foreach (var client in new[] { onC, onD, onC, onD })
        {
            allowed.Add(await StartPopupAsync(client, ct));
        }

        var refusedOnC = await StartPopupAsync(onC, ct);
        var refusedOnD = await StartPopupAsync(onD, ct);

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnC);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnD);
    }

    /// <summary>Straight to one node, under the public name the provider knows the redirect address by.</summary>
    private static HttpClient PopupClient(WidgetNode node, Uri publicAddress)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = node.BaseAddress,
        };
        client.DefaultRequestHeaders.Host = publicAddress.Authority;
        // As a browser says for a popup the widget's own page opened.
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    private static async Task<HttpStatusCode> StartPopupAsync(HttpClient client, CancellationToken ct)
    {
        var verifier = PopupSignIn.NewVerifier();
        using var started = await PopupSignIn.StartAsync(client, client.BaseAddress!, WidgetCluster.Provider, verifier, ct);
        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        using var response = await client.GetAsync(PopupSignIn.ChallengeUri(client.BaseAddress!, WidgetCluster.Provider, verifier), ct);
        return response.StatusCode;
    }

    private Dictionary<string, string> LimitedEnvironment() => new(cluster.NodeEnvironment)
    {
        // Counted apart from nodes A and B, whose viewers come from the same address.
        ["Redis__ChannelPrefix"] = "limits-" + Guid.NewGuid().ToString("N")[..8],
        ["Realtime__MaxConnectionsPerAddress"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["Auth__PopupStartsPerMinute"] = Limit.ToString(CultureInfo.InvariantCulture),
        // Short, so a killed node's connections stop counting within the test.
        ["Redis__NodeHeartbeat"] = "00:00:01",
        ["Redis__NodeTimeout"] = "00:00:03",
    };
}
