using System.Net;

namespace Widget.Testing;

/// <summary>
/// Signs in through tools/dev-oidc as a browser would, with an HttpClient that does not follow
/// redirects itself (so the caller can see every hop) and keeps cookies in a CookieContainer.
/// On plain http the widget has to issue its OpenID Connect correlation and nonce cookies without
/// the Secure flag: unlike Chromium on localhost, a CookieContainer never sends those over http.
/// </summary>
public static class OidcDevLogin
{
    private const int MaxSteps = 20;

    private static readonly HashSet<HttpStatusCode> Redirects =
    [
        HttpStatusCode.MovedPermanently,
        HttpStatusCode.Found,
        HttpStatusCode.SeeOther,
        HttpStatusCode.TemporaryRedirect,
        HttpStatusCode.PermanentRedirect,
    ];

    /// <summary>
    /// Requests <paramref name="start"/>, a widget URL that challenges, and follows the flow: the
    /// provider's login form (filled with <paramref name="login"/>), its consent form, and the
    /// widget's callback. Returns the first response that is neither a redirect nor a provider form,
    /// or the first redirect to an origin other than the widget's and the provider's. The provider
    /// is whichever origin the flow first leaves the widget for. A client that already holds the
    /// provider's session cookie skips the login form and stays signed in as that user.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, Uri start, string login, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(start);
        var widget = Origin(start);
        string? provider = null;
        var formValues = new Dictionary<string, string> { ["login"] = login, ["password"] = "any" };

        // The widget's own page opens the popup; the service refuses a popup any other site opens.
        using var opening = new HttpRequestMessage(HttpMethod.Get, start) { Headers = { { "Sec-Fetch-Site", "same-origin" } } };
        var response = await client.SendAsync(opening, ct);
        for (var step = 0; step < MaxSteps; step++)
        {
            HttpRequestMessage next;
            if (RedirectTarget(response) is { } target)
            {
                var origin = Origin(target);
                if (origin != widget)
                {
                    provider ??= origin;
                    if (origin != provider)
                    {
                        return response;
                    }
                }

                next = new HttpRequestMessage(HttpMethod.Get, target);
            }
            else if (Origin(response.RequestMessage!.RequestUri!) == provider && await HtmlForm.FindAsync(response, ct) is { } form)
            {
                // Covers the login and consent pages, and the form_post page that hands the code to the widget.
                next = form.Submission(formValues);
            }
            else
            {
                return response;
            }

            response.Dispose();
            response = await client.SendAsync(next, ct);
        }

        response.Dispose();
        throw new InvalidOperationException($"Signing in from {start} took more than {MaxSteps} steps.");
    }

    private static Uri? RedirectTarget(HttpResponseMessage response) =>
        Redirects.Contains(response.StatusCode) && response.Headers.Location is { } location
            ? new Uri(response.RequestMessage!.RequestUri!, location)
            : null;

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
