using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Widget.Testing;
using Widget.Web.Auth;

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>Signs a new user in through nginx, as the widget's popup would, and returns a bearer token.</summary>
public static partial class ClusterSignIn
{
    public static async Task<string> TokenAsync(Uri balancer, CancellationToken ct)
    {
        var verifier = PopupSignIn.NewVerifier();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = balancer,
        };
        var login = "user" + Guid.NewGuid().ToString("N")[..10];
        using var page = await PopupSignIn.RunAsync(browser, balancer, WidgetCluster.Provider, verifier, login, ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var code = CodeAttribute().Match(html);
        Assert.True(code.Success, $"The popup ended on {page.StatusCode} without a code: {html}");
        using var response = await browser.PostAsJsonAsync("/auth/token", new TokenRequest(verifier, code.Groups[1].Value), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedToken>(ct))!.AccessToken;
    }

    [GeneratedRegex("data-code=\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex CodeAttribute();
}
