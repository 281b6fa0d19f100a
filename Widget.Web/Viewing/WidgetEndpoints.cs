using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Moderation;
using Widget.Data.Posts;
using Widget.Data.Sites;
using Widget.Web.Auth;
using Widget.Web.Hosting;
using Widget.Web.Posting;

namespace Widget.Web.Viewing;

public static class WidgetEndpoints
{
    public const int PageSize = 50;

    /// <summary>
    /// A widget response that is the same for every visitor: the page, older posts, the site's stylesheet,
    /// but not an owner's preview of unsaved settings.
    /// </summary>
    public static bool ServesEveryone(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/w") && !context.Request.Query.ContainsKey(SitePreview.QueryKey);

    public static IEndpointRouteBuilder MapWidgetPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/w/{tag}").WithMetadata(new EmbeddableAttribute());
        group.MapGet("", GetWidgetAsync);
        group.MapGet("/posts", GetPostsAsync);
        group.MapGet("/site.css", GetStylesheetAsync);
        return app;
    }

    public static async Task<Results<RazorComponentResult<WidgetPage>, RazorComponentResult<WidgetRefusedPage>, NotFound>> GetWidgetAsync(
        string tag, string? preview, PostQueries queries, SiteStore sites, ChannelRulesStore rules, ClaimsPrincipal user,
        HttpContext http, PublicUrls urls, IOptions<AuthOptions> auth, IOptions<PostingOptions> posting, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return TypedResults.NotFound();
        }

        var site = await sites.FindAsync(parsed.Value, ct);
        var look = SiteLook.Unclaimed(parsed.Value.Value);
        var calls = false;
        var callsByAdmission = false;
        if (site is not null)
        {
            var draft = SitePreview.Read(preview, site, user);
            look = draft is null ? SiteLook.Of(site) : SiteLook.Of(site, draft, $"{SitePreview.QueryKey}={preview}");
            var allowed = (draft ?? site.Settings).AllowedDomains;
            calls = (draft ?? site.Settings).Calls != CallsMode.Off;
            callsByAdmission = (draft ?? site.Settings).Calls == CallsMode.Admitted;
            if (RefusedFramer.Host(http.Request, allowed, urls.Origin) is { } host)
            {
                return Refused(http, look.Labels, host);
            }

            http.Response.Headers.ContentSecurityPolicy = WidgetCsp.For(allowed);
        }

        var page = await queries.LatestAsync(parsed.Value, null, PageSize + 1, ct);
        return new RazorComponentResult<WidgetPage>(new
        {
            Tag = parsed.Value.Value,
            Look = look,
            Posts = page.Take(PageSize).ToArray(),
            HasMore = page.Count > PageSize,
            Pinned = await rules.PinnedAsync(parsed.Value.Value, ct),
            (await rules.GetAsync(parsed.Value.Value, ct)).SlowModeSeconds,
            PageSize,
            posting.Value.MaxLength,
            EditWindowSeconds = (int)posting.Value.EditWindow.TotalSeconds,
            Providers = auth.Value.Providers.Select(p => new SignInProvider(p.Key, p.Value.DisplayName)).ToArray(),
            Calls = calls,
            CallsByAdmission = callsByAdmission,
        });
    }

    /// <summary>
    /// Framed by a page the site has not allowed: a page that says so, which any page may frame. It is
    /// not stored anywhere, so that a cache never hands it to an allowed page.
    /// </summary>
    private static RazorComponentResult<WidgetRefusedPage> Refused(HttpContext http, WidgetLabels labels, string host)
    {
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<WidgetRefusedPage>(new { Labels = labels, Host = host })
        {
            StatusCode = StatusCodes.Status403Forbidden,
        };
    }

    /// <summary>Older posts as an HTML fragment, for scrolling back; without <paramref name="before"/>, the newest page.</summary>
    public static async Task<Results<RazorComponentResult<PostList>, NotFound>> GetPostsAsync(
        string tag, long? before, PostQueries queries, HttpContext http, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return TypedResults.NotFound();
        }

        var page = await queries.LatestAsync(parsed.Value, before, PageSize + 1, ct);
        http.Response.Headers["X-Has-More"] = page.Count > PageSize ? "true" : "false";
        return new RazorComponentResult<PostList>(new { Posts = page.Take(PageSize).ToArray() });
    }

    /// <summary>The site's colours and custom CSS; versioned URLs never change, so they cache for good.</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> GetStylesheetAsync(
        string tag, string? preview, SiteStore sites, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed) || await sites.FindAsync(parsed.Value, ct) is not { } site)
        {
            return TypedResults.NotFound();
        }

        var draft = SitePreview.Read(preview, site, user);
        http.Response.Headers.CacheControl = draft is null ? "public, max-age=31536000, immutable" : "no-store";
        return TypedResults.Text(SiteStylesheet.Render(draft ?? site.Settings), "text/css; charset=utf-8");
    }
}
