using System.Net;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// Behind a proxy that ends TLS the node sees http; the proxy's X-Forwarded-Proto tells it the visitor is on
/// https, and then every response insists on https and every cookie is Secure.
/// </summary>
public sealed class BehindProxyTests(ProxiedApp proxied) : IClassFixture<ProxiedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WidgetApp App => proxied.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/health/live")]
    [InlineData("/metrics")]
    [InlineData("/no/such/page")]
    public async Task Https_FromTheKnownProxy_IsTold_StrictTransportSecurityForAYear(string path)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Forwarded-Proto", "https" } } };

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task PlainHttp_IsNotTold_StrictTransportSecurity()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>Sign-in in the popup (its nonce, the provider's correlation and nonce, the sessions), then a page with a form.</summary>
    [Fact]
    public async Task Https_FromTheKnownProxy_MakesEveryCookieSecure()
    {
        using var browser = new BrowserBehindTls(App.BaseAddress);
        using var client = new HttpClient(browser) { BaseAddress = App.BaseAddress };

        using var popup = await PopupSignIn.RunAsync(client, App.BaseAddress, WidgetApp.Provider, PopupSignIn.NewVerifier(), Visitor.NewLogin(), Ct);
        using var sites = await client.GetAsync("/sites", Ct);

        Assert.Equal(HttpStatusCode.OK, popup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sites.StatusCode);
        var names = browser.ServiceSetCookies.Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]).ToArray();
        Assert.Contains("widget.popup", names);
        Assert.Contains(names, n => n.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal));
        Assert.Contains("widget.session", names);
        Assert.Contains(names, n => n.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(browser.ServiceSetCookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }
}
