using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Posts;
using Widget.Web.Hosting;
using Widget.Web.Viewing;

namespace Widget.Web.Feeds;

/// <summary>Atom feeds of a tag and of a user, answering conditional requests with 304.</summary>
public static class FeedEndpoints
{
    public const int EntryCount = 50;

    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        group.MapGet("/t/{tag}/feed.atom", GetTagFeedAsync);
        group.MapGet("/u/{id:long}/feed.atom", GetUserFeedAsync);
        return app;
    }

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFound>> GetTagFeedAsync(
        string tag, PostQueries queries, PublicUrls urls, HttpContext http, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return TypedResults.NotFound();
        }

        var posts = (await queries.LatestAsync(parsed.Value, null, EntryCount, ct)).Select(p => p.Post).ToArray();
        if (posts.Length == 0)
        {
            return TypedResults.NotFound();
        }

        var name = parsed.Value.Value;
        return Answer(http, urls, PublicLinks.Tag(name), "#" + name, posts);
    }

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, NotFound>> GetUserFeedAsync(
        long id, PublicQueries queries, PublicUrls urls, HttpContext http, CancellationToken ct)
    {
        if (await queries.FindUserAsync(id, ct) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var posts = await queries.ByAuthorAsync(id, null, EntryCount, ct);
        return Answer(http, urls, PublicLinks.User(id), UserText.Line(user.DisplayName), posts);
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult, NotFound> Answer(
        HttpContext http, PublicUrls urls, string path, string title, IReadOnlyList<Post> posts)
    {
        var body = AtomFeed.Write(urls.OriginText, path, title, posts);
        var updated = posts.Count > 0 ? posts.Max(p => p.UpdatedAt) : DateTimeOffset.UnixEpoch;
        return ConditionalGet.IsNotModified(http, body, updated)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.File(body, ContentType);
    }
}
