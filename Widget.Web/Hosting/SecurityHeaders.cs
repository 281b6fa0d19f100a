namespace Widget.Web.Hosting;

/// <summary>
/// A strict Content-Security-Policy on every response: our own scripts, styles and connections only,
/// nothing inline. Only <see cref="EmbeddableAttribute"/> endpoints may be framed, by any site.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string BasePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; form-action 'self'; base-uri 'none'; ";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        var embeddable = context.GetEndpoint()?.Metadata.GetMetadata<EmbeddableAttribute>() is not null;
        headers.ContentSecurityPolicy = BasePolicy + (embeddable ? "frame-ancestors *" : "frame-ancestors 'none'");
        if (!embeddable)
        {
            headers.XFrameOptions = "DENY";
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return next(context);
    }
}
