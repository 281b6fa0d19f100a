using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Widget.Core.Tags;
using Widget.Data.Posts;
using Widget.Web.Auth;
using Widget.Web.Hosting;
using Widget.Web.Posting;

namespace Widget.Web.Viewing;

public static class WidgetEndpoints
{
    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapWidgetPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/w/{tag}").WithMetadata(new EmbeddableAttribute());
        group.MapGet("", GetWidgetAsync);
        group.MapGet("/posts", GetPostsAsync);
        return app;
    }

    public static async Task<Results<RazorComponentResult<WidgetPage>, NotFound>> GetWidgetAsync(
        string tag, PostQueries queries, IOptions<AuthOptions> auth, IOptions<PostingOptions> posting, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return TypedResults.NotFound();
        }

        var page = await queries.LatestAsync(parsed.Value, null, PageSize + 1, ct);
        return new RazorComponentResult<WidgetPage>(new
        {
            Tag = parsed.Value.Value,
            Posts = page.Take(PageSize).ToArray(),
            HasMore = page.Count > PageSize,
            PageSize,
            posting.Value.MaxLength,
            Providers = auth.Value.Providers.Select(p => new SignInProvider(p.Key, p.Value.DisplayName)).ToArray(),
        });
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
}
