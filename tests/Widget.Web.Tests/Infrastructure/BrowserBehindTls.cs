using System.Net;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// A browser on https in front of a proxy that ends TLS: every request to the service arrives over http
/// with <c>X-Forwarded-Proto: https</c>, and the service's cookies are kept and sent back as a browser
/// does for an https page, Secure ones included. Every Set-Cookie the service sent is kept to look at.
/// </summary>
public sealed class BrowserBehindTls : DelegatingHandler
{
    private readonly Uri service;
    private readonly CookieContainer cookies = new();
    private readonly List<string> serviceCookies = [];

    public BrowserBehindTls(Uri service)
        : base(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        this.service = service;
    }

    /// <summary>Every Set-Cookie header the service answered with, in order.</summary>
    public IReadOnlyList<string> ServiceSetCookies => serviceCookies;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var toService = uri.GetLeftPart(UriPartial.Authority) == service.GetLeftPart(UriPartial.Authority);
        var asSeen = toService ? new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps }.Uri : uri;
        if (toService)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }

        var header = cookies.GetCookieHeader(asSeen);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var cookie in set)
            {
                cookies.SetCookies(asSeen, cookie);
                if (toService)
                {
                    serviceCookies.Add(cookie);
                }
            }
        }

        return response;
    }
}
