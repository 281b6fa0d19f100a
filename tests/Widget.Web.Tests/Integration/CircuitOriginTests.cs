using System.Net;
using System.Net.WebSockets;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// The webmaster's pages act through a Blazor circuit, a WebSocket that runs as whoever the cookie says. A
/// sibling site's page sends that Lax cookie along with a WebSocket, and browsers make no CORS check on one;
/// only the Origin tells such a page apart from ours.
/// </summary>
public sealed class CircuitOriginTests(WidgetApp app)
{
    private const string CircuitPath = "/_blazor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handshake_FromAnotherSitesPage_IsRefused()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://blog.localhost");

        var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(SocketUri(), Ct));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiate_FromAnotherSitesPage_IsRefused()
    {
        using var anna = new Visitor(app, Visitor.NewLogin());
        await anna.SignInAsync(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, CircuitPath + "/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "http://blog.localhost");

        using var response = await anna.Browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Handshake_FromOurOwnPage_IsAccepted()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));

        await socket.ConnectAsync(SocketUri(), Ct);

        Assert.Equal(WebSocketState.Open, socket.State);
    }

    private Uri SocketUri() => new UriBuilder(new Uri(app.BaseAddress, CircuitPath)) { Scheme = "ws" }.Uri;
}
