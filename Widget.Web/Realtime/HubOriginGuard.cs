using Widget.Web.Hosting;

namespace Widget.Web.Realtime;

/// <summary>
/// Refuses hub requests a browser sends from another site's page. Browsers attach no CORS check to
/// WebSockets, so without this any page could open a connection with a visitor's ambient credentials.
/// Requests without an Origin (non-browser clients) carry no such credentials and pass. Our own origin
/// is the configured one, not the request's Host, which a page on a name rebound to our address chooses.
/// </summary>
public sealed class HubOriginGuard(RequestDelegate next, PublicUrls urls)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || string.Equals(origin, urls.OriginText, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
