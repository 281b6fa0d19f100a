using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Realtime;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>The hub knows a visitor only by the token the widget presents, never by a cookie the browser attaches.</summary>
public sealed class HubSignInTests(WidgetApp app)
{
    [Fact]
    public async Task Connection_WithTheSessionCookieButNoToken_ReadsButCannotPost()
    {
        var ct = TestContext.Current.CancellationToken;
        using var visitor = new Visitor(app, Visitor.NewLogin());
        var token = await visitor.SignInAsync(ct);
        var session = visitor.Cookie("widget.session");
        Assert.NotNull(session);
        var tag = "hubcookie" + Guid.NewGuid().ToString("N")[..8];

        await using var withCookie = ConnectWithCookie(session);
        await withCookie.StartAsync(ct);
        await withCookie.InvokeAsync<CatchUp>(nameof(LiveHub.Join), tag, 0L, ct);
        var refused = await Assert.ThrowsAsync<HubException>(() =>
            withCookie.InvokeAsync<PostAccepted>(nameof(LiveHub.Post), new PostRequest(tag, Guid.NewGuid(), "by cookie", null), ct));
        await using var withToken = await LiveViewer.ConnectAsync(app, token.AccessToken, ct);
        var accepted = await withToken.PostAsync(tag, "by token", ct);

        Assert.Contains("Sign in", refused.Message, StringComparison.Ordinal);
        Assert.True(accepted.Post.Id > 0);
    }

    private HubConnection ConnectWithCookie(Cookie session) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, LiveHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.Cookies.Add(new Cookie(session.Name, session.Value, "/", app.BaseAddress.Host));
            })
            .Build();
}
