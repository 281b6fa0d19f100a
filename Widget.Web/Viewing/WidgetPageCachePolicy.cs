using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Widget.Core.Tags;

namespace Widget.Web.Viewing;

/// <summary>
/// Keeps a tag's widget page, rendered and compressed, until something it shows changes (see
/// <see cref="WidgetPageEvictions"/>). The page is the same for every visitor, signed in or not, so unlike the
/// framework's default policy this one caches whatever the request's cookies say. What still makes two
/// responses differ is kept apart: the encoding, and the host of a framing page, which may get the refusal page.
/// </summary>
public sealed class WidgetPageCachePolicy : IOutputCachePolicy
{
    /// <summary>The cache tag of every widget page, for changes that show on all of them (a renamed author).</summary>
    public const string AllPages = "w";

    /// <summary>A safety net only: every change the page shows evicts it at once.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string PageOf(string tag) => "w:" + tag;

    /// <summary>A request for a tag's widget page itself, not its older posts, stylesheet or an owner's preview.</summary>
    public static bool IsPage(HttpContext context) =>
        TagOf(context.Request) is not null && !context.Request.Query.ContainsKey(SitePreview.QueryKey);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var tag = TagOf(request);
        var cacheable = IsPage(context.HttpContext) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        context.Tags.Add(AllPages);
        context.Tags.Add(PageOf(tag!));
        context.ResponseExpirationTimeSpan = Lifetime;
        // The query says only how the script should behave (embed=1); the page is the same.
        context.CacheVaryByRules.QueryKeys = StringValues.Empty;
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.VaryByValues["framer"] = Framer(request);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only a whole page for everyone is kept: not a refusal, not a response that sets a cookie.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static string? TagOf(HttpRequest request)
    {
        var path = request.Path.Value;
        if (path is null || !path.StartsWith("/w/", StringComparison.Ordinal) || path.IndexOf('/', 3) >= 0)
        {
            return null;
        }

        return Tag.TryParse(Uri.UnescapeDataString(path[3..]), out var tag) ? tag.Value.Value : null;
    }

    /// <summary>What <see cref="RefusedFramer"/> reads: a frame's referring host, or nothing.</summary>
    private static string Framer(HttpRequest request) =>
        request.Headers["Sec-Fetch-Dest"].ToString() is "iframe" or "frame"
        && Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var framer)
            ? framer.Scheme + "://" + framer.IdnHost.ToLowerInvariant() + ":" + framer.Port
            : "";
}
