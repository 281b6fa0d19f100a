namespace Widget.Web.Realtime;

/// <summary>
/// Refuses hub requests a browser sends from another site's page. Browsers attach no CORS check to
/// WebSockets, so without this any page could open a connection with a visitor's ambient credentials.
/// Requests without an Origin (non-browser clients) carry no such credentials and pass.
/// </summary>
public sealed class HubOriginGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsOwnOrigin(context.Request, origin))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static bool IsOwnOrigin(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
}
