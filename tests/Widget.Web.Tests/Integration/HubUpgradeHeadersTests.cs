using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using Widget.Web.Realtime;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// A widget hub's WebSocket upgrade is answered without the page headers, which no browser renders there and which
/// would stay in memory for as long as the viewer's connection is open; every other answer keeps them.
/// </summary>
public sealed class HubUpgradeHeadersTests(WidgetApp app)
{
    [Fact]
    public async Task WebSocketUpgrade_CarriesNoPageHeaders()
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));
        socket.Options.CollectHttpResponseDetails = true;

        await socket.ConnectAsync(new UriBuilder(new Uri(app.BaseAddress, LiveHub.Path)) { Scheme = "ws" }.Uri, ct);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, (HttpStatusCode)socket.HttpStatusCode);
        var headers = socket.HttpResponseHeaders ?? throw new InvalidOperationException("No response headers were kept.");
        Assert.DoesNotContain("Content-Security-Policy", headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Referrer-Policy", headers.Keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A cache in front that passed such a request through and kept the answer would serve it to everyone.</summary>
    [Fact]
    public async Task APageAskedForWithAnUpgrade_StillCarriesThePageHeaders()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/w/" + TestTags.New());
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Negotiate_CarriesThePageHeaders()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, LiveHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
