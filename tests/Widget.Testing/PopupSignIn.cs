using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace Widget.Testing;

/// <summary>
/// The widget's side of the sign-in popup, for clients without a browser: the verifier the iframe
/// keeps and the nonce that names it, the popup's start once its opener gave it the verifier, and the
/// provider's flow that follows.
/// </summary>
public static class PopupSignIn
{
    public static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string NonceFor(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Starts a sign-in in <paramref name="browser"/>'s cookie jar, as the popup's first page does.</summary>
    public static async Task<HttpResponseMessage> StartAsync(HttpClient browser, Uri widget, string provider, string verifier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(widget, "/auth/popup"))
        {
            Content = JsonContent.Create(new { provider, verifier }),
            Headers = { { "Sec-Fetch-Site", "same-origin" } },
        };
        return await browser.SendAsync(request, ct);
    }

    public static Uri ChallengeUri(Uri widget, string provider, string verifier) =>
        new(widget, $"/auth/challenge?provider={provider}&nonce={NonceFor(verifier)}");

    /// <summary>The whole popup: start, provider's forms, callback; returns the page it ends on.</summary>
    public static async Task<HttpResponseMessage> RunAsync(
        HttpClient browser, Uri widget, string provider, string verifier, string login, CancellationToken ct)
    {
        using var started = await StartAsync(browser, widget, provider, verifier, ct);
        if (started.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"The popup did not start: {started.StatusCode} {await started.Content.ReadAsStringAsync(ct)}");
        }

        return await OidcDevLogin.SignInAsync(browser, ChallengeUri(widget, provider, verifier), login, ct);
    }
}
