namespace Widget.Web.Viewing;

/// <summary>
/// Tells, where the request itself says so, that the widget is being loaded into a frame on a page whose
/// host is not among the site's allowed domains, so that the visitor can be shown why rather than the
/// browser's refused frame. It only ever chooses to show less: the page that carries the posts keeps
/// its frame-ancestors policy, which remains the guard. Where we wrongly think a host allowed (a scheme
/// the policy would refuse, a forbidden page further up the frame tree), the visitor sees the refused
/// frame as before; a page that sends no Referer learns nothing here.
/// </summary>
public static class RefusedFramer
{
    // Longer host names are not DNS names; nothing longer is echoed back.
    private const int MaxHostLength = 253;

    /// <summary>The framing page's host when it is not allowed, else null.</summary>
    /// <param name="self">Our public origin: the configurator frames the widget for its preview.</param>
    public static string? Host(HttpRequest request, IReadOnlyList<string> allowedDomains, Uri self)
    {
        if (allowedDomains.Count == 0
            || request.Headers["Sec-Fetch-Dest"].ToString() is not ("iframe" or "frame")
            || !Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var framer)
            || framer.Scheme is not ("http" or "https")
            || framer.IdnHost.Length > MaxHostLength)
        {
            return null;
        }

        var allowed = SameAuthority(self, framer) || allowedDomains.Any(domain => Matches(domain, framer));
        return allowed ? null : framer.IdnHost;
    }

    private static bool SameAuthority(Uri origin, Uri framer) =>
        string.Equals(origin.IdnHost, framer.IdnHost, StringComparison.OrdinalIgnoreCase) && origin.Port == framer.Port;

    /// <summary>
    /// As the policy reads an allowed domain (see <see cref="WidgetCsp"/>): its host, a leading "*." for any
    /// subdomain, and a port only if one is written. The scheme is left to the browser.
    /// </summary>
    private static bool Matches(string domain, Uri framer)
    {
        var hostAndPort = domain[(domain.IndexOf("//", StringComparison.Ordinal) + 1)..].TrimStart('/');
        var colon = hostAndPort.LastIndexOf(':');
        var host = colon < 0 ? hostAndPort : hostAndPort[..colon];
        if (colon >= 0 && hostAndPort[(colon + 1)..] != framer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return false;
        }

        return host.StartsWith("*.", StringComparison.Ordinal)
            ? framer.IdnHost.EndsWith(host[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(host, framer.IdnHost, StringComparison.OrdinalIgnoreCase);
    }
}
