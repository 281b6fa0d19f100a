using System.Net;
using System.Net.Http.Json;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// Forwarded headers from a client that is not a listed proxy, loopback included, change nothing: anyone
/// who can reach a node could otherwise pick the address the limits count, or claim https.
/// </summary>
public sealed class UnlistedProxyTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForwardedProto_FromLoopbackNotListed_IsIgnored()
    {
        using var client = app.CreateClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "X-Forwarded-Proto", "https" } } };
        using var start = new HttpRequestMessage(HttpMethod.Post, "/auth/popup")
        {
            Content = JsonContent.Create(new { provider = WidgetApp.Provider, verifier = PopupSignIn.NewVerifier() }),
            Headers = { { "X-Forwarded-Proto", "https" }, { "Sec-Fetch-Site", "same-origin" } },
        };

        using var pageResponse = await client.SendAsync(page, Ct);
        using var started = await client.SendAsync(start, Ct);

        Assert.False(pageResponse.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        var cookie = Assert.Single(started.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("widget.popup=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedFor_FromLoopbackNotListed_DoesNotMoveTheRateLimit()
    {
        await using var service = WidgetApp.With(new Dictionary<string, string> { ["Auth:SignInRequestsPerMinute"] = "3" });
        await service.InitializeAsync();
        using var client = service.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token")
            {
                Content = JsonContent.Create(new { nonce = "n", code = "c" }),
                Headers = { { "X-Forwarded-For", $"1.2.3.{i}" } },
            };
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..3]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }
}
