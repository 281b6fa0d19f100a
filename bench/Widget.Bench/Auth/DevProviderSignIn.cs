using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Widget.Bench.Net;

namespace Widget.Bench.Auth;

/// <summary>
/// Signs one bench user in the way the widget's popup does, through tools/dev-oidc: the popup's start
/// with a verifier, the provider's login and consent forms, the callback, the hand-off page's one-time
/// code, and the code traded with its verifier for a bearer token. Its own cookie jar, from its own source address
/// (the token endpoint limits sign-ins per address). The requests the widget's own page makes (opening
/// the popup, trading the code) say so as a browser would, with <c>Sec-Fetch-Site: same-origin</c>.
/// </summary>
public static partial class DevProviderSignIn
{
    private const int MaxSteps = 20;
    private const string FetchSite = "Sec-Fetch-Site";
    private const string SameOrigin = "same-origin";

    public static async Task<string> TokenAsync(Uri widget, IPAddress source, string login, CancellationToken ct)
    {
        using var browser = new HttpClient(Loopback.Handler([source], new CookieContainer())) { Timeout = TimeSpan.FromSeconds(30) };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var nonce = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using (var start = new HttpRequestMessage(HttpMethod.Post, new Uri(widget, "/auth/popup")))
        {
            start.Content = JsonContent.Create(new { provider = "dev", verifier });
            start.Headers.Add(FetchSite, SameOrigin);
            using var started = await browser.SendAsync(start, ct);
            started.EnsureSuccessStatusCode();
        }

        var page = await FollowAsync(browser, new Uri(widget, $"/auth/challenge?provider=dev&nonce={nonce}"), login, ct);
        var match = CodeAttribute().Match(page);
        if (!match.Success)
        {
            throw new InvalidOperationException("the sign-in did not end on the hand-off page");
        }

        using var exchange = new HttpRequestMessage(HttpMethod.Post, new Uri(widget, "/auth/token"))
        {
            Content = JsonContent.Create(new { verifier, code = match.Groups[1].Value }),
        };
        exchange.Headers.Add(FetchSite, SameOrigin);
        using var response = await browser.SendAsync(exchange, ct);
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedToken>(ct);
        return issued?.AccessToken ?? throw new InvalidOperationException("no token in the answer");
    }

    /// <summary>Follows redirects and submits the provider's forms until a page that is neither.</summary>
    private static async Task<string> FollowAsync(HttpClient browser, Uri start, string login, CancellationToken ct)
    {
        var widgetOrigin = start.GetLeftPart(UriPartial.Authority);
        using var open = new HttpRequestMessage(HttpMethod.Get, start);
        open.Headers.Add(FetchSite, SameOrigin);
        var response = await browser.SendAsync(open, ct);
        try
        {
            for (var step = 0; step < MaxSteps; step++)
            {
                var at = response.RequestMessage!.RequestUri!;
                HttpRequestMessage next;
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    next = new HttpRequestMessage(HttpMethod.Get, new Uri(at, location));
                }
                else
                {
                    var html = await response.Content.ReadAsStringAsync(ct);
                    if (at.GetLeftPart(UriPartial.Authority) == widgetOrigin || FormSubmission(at, html, login) is not { } submit)
                    {
                        return response.IsSuccessStatusCode ? html : throw new InvalidOperationException($"{at} answered {(int)response.StatusCode}");
                    }

                    next = submit;
                }

                response.Dispose();
                response = await browser.SendAsync(next, ct);
            }
        }
        finally
        {
            response.Dispose();
        }

        throw new InvalidOperationException($"signing in took more than {MaxSteps} steps");
    }

    /// <summary>The page's first form posted as a browser would, with the login form's fields filled in.</summary>
    private static HttpRequestMessage? FormSubmission(Uri page, string html, string login)
    {
        var document = new HtmlParser().ParseDocument(html);
        if (document.Forms.Length == 0)
        {
            return null;
        }

        var form = document.Forms[0];
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => KeyValuePair.Create(i.Name!, i.Name switch
            {
                "login" => login,
                "password" => "bench",
                _ => i.Value,
            }));
        return new HttpRequestMessage(HttpMethod.Post, new Uri(page, form.GetAttribute("action") ?? page.ToString()))
        {
            Content = new FormUrlEncodedContent(fields),
        };
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("data-code=\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex CodeAttribute();

    private sealed record IssuedToken(string AccessToken);
}
