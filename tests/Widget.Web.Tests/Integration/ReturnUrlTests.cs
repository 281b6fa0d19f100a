using System.Net;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// A sign-in link can carry anywhere as its return address; after signing in the browser must land on our
/// own site whatever it said, and the service must not fail on it.
/// </summary>
public sealed class ReturnUrlTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Written as they would stand in the link's query.</summary>
    public static TheoryData<string> Hostile =>
    [
        "/%09/evil.example/",
        "/%09%09/evil.example",
        "/%0a/x",
        "/%0d%0a/evil.example",
        "/%0d%0aSet-Cookie:%20a=b",
        "//evil.example",
        "/%2F/evil.example",
        "/%5Cevil.example",
        "/%5C%5Cevil.example",
        "%09//evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/%E3%80%80/evil.example",
        "/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task SignIn_WithAHostileReturnUrl_EndsOnOurOwnPage(string returnUrl)
    {
        var callback = await SignInReturningToAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, callback.Status);
        Assert.Equal("/sites", callback.Location);
    }

    [Theory]
    [InlineData("/sites/abc_1", "/sites/abc_1")]
    [InlineData("/mod/abc_1%3Fx%3D1", "/mod/abc_1?x=1")]
    [InlineData("/", "/")]
    public async Task SignIn_WithAPathOfOurs_EndsThere(string returnUrl, string expected)
    {
        var callback = await SignInReturningToAsync(returnUrl);

        Assert.Equal(expected, callback.Location);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task SignInPage_WithAHostileReturnUrl_LinksToTheProviderWithOurOwnPage(string returnUrl)
    {
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/account/signin?returnUrl=" + returnUrl, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"href=\"/account/login/{WidgetApp.Provider}?returnUrl=%2Fsites\"", html, StringComparison.Ordinal);
    }

    /// <summary>Signs a new person in from <c>/account/login</c>; returns how our callback sent them on.</summary>
    private async Task<RedirectLog.Hop> SignInReturningToAsync(string returnUrl)
    {
        using var log = new RedirectLog(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        using var browser = new HttpClient(log);
        var start = new Uri(app.BaseAddress, $"/account/login/{WidgetApp.Provider}?returnUrl={returnUrl}");

        using var landed = await OidcDevLogin.SignInAsync(browser, start, Visitor.NewLogin(), Ct);

        return log.Hops.Single(hop => hop.Request.AbsolutePath == $"/signin-oidc/{WidgetApp.Provider}"
            && hop.Request.GetLeftPart(UriPartial.Authority) == app.BaseAddress.GetLeftPart(UriPartial.Authority));
    }
}
