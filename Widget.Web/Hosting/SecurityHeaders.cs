using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Widget.Web.Realtime;
using Widget.Web.Viewing;

namespace Widget.Web.Hosting;

/// <summary>
/// A strict Content-Security-Policy on every response: our own scripts, styles and connections only,
/// nothing inline. Only <see cref="EmbeddableAttribute"/> endpoints may be framed, by any site, and an
/// endpoint that sets a policy of its own keeps it. base-uri 'self' lets the Blazor pages keep their
/// &lt;base href="/"&gt;: without it their relative script and stylesheet URLs resolve under /sites/ on a
/// page loaded at /sites/TAG. On https, Strict-Transport-Security as <see cref="HostingOptions"/> says.
/// The headers are written as the response starts, so they reach every response: those of endpoints
/// that answer ahead of routing (<c>/metrics</c>), and those the exception handler wrote after clearing
/// whatever the failed request had set. A widget hub's WebSocket upgrade is the one answer without them.
/// </summary>
public sealed class SecurityHeaders
{
    public const string BasePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; form-action 'self'; base-uri 'self'; ";

    // Our own pages may frame our own widget: the configurator's live preview is one.
    private const string PagePolicy = BasePolicy + "frame-src 'self'; frame-ancestors 'none'";

    private readonly RequestDelegate next;
    private readonly string? transportSecurity;
    private readonly Func<object, Task> write;

    public SecurityHeaders(RequestDelegate next, IOptions<HostingOptions> hosting)
    {
        this.next = next;
        var options = hosting.Value;
        transportSecurity = options.Hsts
            ? "max-age=" + ((long)options.HstsMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)
            : null;
        write = Write;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // A browser asks for a WebSocket only from script and never renders the answer, so on a widget hub, where
        // every viewer holds one open, the headers would only sit in its memory. Anywhere else the headers stay:
        // a cache in front that passed an upgrade through and kept the page it got would serve that page to others.
        if (!(WidgetHubs.Serves(context) && AsksForWebSocket(context)))
        {
            context.Response.OnStarting(write, context);
        }

        return next(context);
    }

    // Read from the request itself: the WebSocket middleware that would say so runs later, inside the hub's endpoint.
    private static bool AsksForWebSocket(HttpContext context) =>
        (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true }
            && string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase))
        || context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: "websocket" };

    private Task Write(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        // A widget page from the output cache is answered before routing, so it has no endpoint to ask.
        var embeddable = context.GetEndpoint()?.Metadata.GetMetadata<EmbeddableAttribute>() is not null
            || WidgetPageCachePolicy.IsPage(context);
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = embeddable ? BasePolicy + "frame-ancestors *" : PagePolicy;
        }

        if (!embeddable)
        {
            headers.XFrameOptions = "DENY";
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        if (transportSecurity is not null && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = transportSecurity;
        }

        return Task.CompletedTask;
    }
}
