using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Widget.Web.Viewing;

/// <summary>
/// Gives the widget page an ETag (a hash of its body) and asks caches to revalidate every time, so a CDN in
/// front may keep it and still never show a page older than what was pushed live. The output cache answers
/// a matching If-None-Match from its copy; this answers it when the copy was just rendered.
/// </summary>
public sealed class WidgetPageValidators(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32] + "\"", isWeak: true);
            var headers = context.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
            var asked = context.Request.GetTypedHeaders().IfNoneMatch;
            if (asked.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
