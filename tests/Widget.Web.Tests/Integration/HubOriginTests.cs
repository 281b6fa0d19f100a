using System.Net;
using System.Net.WebSockets;
using Widget.Web.Realtime;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class HubOriginTests(WidgetApp app)
{
    [Fact]
    public async Task Handshake_FromAnotherSitesPage_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");

        var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(HubSocketUri(), ct));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handshake_FromTheWidgetsOwnPage_IsAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));

        await socket.ConnectAsync(HubSocketUri(), ct);

        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Negotiate_FromAnotherSitesPage_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, LiveHub.Path + "/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "http://127.0.0.1:1");

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Uri HubSocketUri() => new UriBuilder(new Uri(app.BaseAddress, LiveHub.Path)) { Scheme = "ws" }.Uri;
}
