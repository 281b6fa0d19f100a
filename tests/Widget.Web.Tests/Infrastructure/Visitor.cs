using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Widget.Testing;
using Widget.Web.Auth;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// A person at a browser: a cookie jar on the widget's domain and the provider's, and the steps the
/// widget's popup takes to sign in and hand a token to the iframe.
/// </summary>
public sealed partial class Visitor : IDisposable
{
    private readonly WidgetApp app;
    private readonly string login;
    private readonly CookieContainer cookies = new();
    private readonly HttpClient browser;

    public Visitor(WidgetApp app, string login)
    {
        this.app = app;
        this.login = login;
        browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
            // As a browser says for a popup the widget's own page opened.
            DefaultRequestHeaders = { { "Sec-Fetch-Site", "same-origin" } },
        };
    }

    public string Login => login;

    public static string NewLogin() => "user" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The secret a widget frame keeps for one sign-in; its hash is the nonce in the popup's URL.</summary>
    public static string NewVerifier() => PopupSignIn.NewVerifier();

    /// <summary>Runs the popup, started with <paramref name="verifier"/>, through the provider's login form; returns the page it ends on.</summary>
    public Task<HttpResponseMessage> OpenPopupAsync(string verifier, CancellationToken ct) =>
        PopupSignIn.RunAsync(browser, app.BaseAddress, WidgetApp.Provider, verifier, login, ct);

    /// <summary>Where the popup goes once started, for a test that looks at one step.</summary>
    public Uri ChallengeUri(string verifier) => PopupSignIn.ChallengeUri(app.BaseAddress, WidgetApp.Provider, verifier);

    public HttpClient Browser => browser;

    /// <summary>The cookie named <paramref name="name"/> that the service set, if any, whatever its path.</summary>
    public Cookie? Cookie(string name) => cookies.GetAllCookies().FirstOrDefault(cookie => cookie.Name == name);

    /// <summary>The whole sign-in: popup, one-time code, token.</summary>
    public async Task<IssuedToken> SignInAsync(CancellationToken ct)
    {
        var verifier = NewVerifier();
        using var page = await OpenPopupAsync(verifier, ct);
        var code = await ReadCodeAsync(page, ct);
        using var api = app.CreateClient();
        using var response = await api.PostAsJsonAsync("/auth/token", new TokenRequest(verifier, code), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedToken>(ct))!;
    }

    public static async Task<string> ReadCodeAsync(HttpResponseMessage page, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        var match = CodeAttribute().Match(html);
        Assert.True(match.Success, "The popup's last page carries no code: " + html);
        return match.Groups[1].Value;
    }

    public void Dispose() => browser.Dispose();

    [GeneratedRegex("data-code=\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex CodeAttribute();
}
