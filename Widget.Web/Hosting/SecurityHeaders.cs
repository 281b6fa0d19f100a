namespace Widget.Web.Hosting;

/// <summary>
/// A strict Content-Security-Policy on every response: our own scripts, styles and connections only,
/// nothing inline. Only <see cref="EmbeddableAttribute"/> endpoints may be framed, by any site.
/// base-uri 'self' lets the Blazor pages keep their &lt;base href="/"&gt;: without it their relative
/// script and stylesheet URLs resolve under /sites/ on a page loaded at /sites/TAG.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string BasePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; form-action 'self'; base-uri 'self'; ";

    // Our own pages may frame our own widget: the configurator's live preview is one.
    private const string PagePolicy = BasePolicy + "frame-src 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        var embeddable = context.GetEndpoint()?.Metadata.GetMetadata<EmbeddableAttribute>() is not null;
        headers.ContentSecurityPolicy = embeddable ? BasePolicy + "frame-ancestors *" : PagePolicy;
        if (!embeddable)
        {
            headers.XFrameOptions = "DENY";
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return next(context);
    }
}
