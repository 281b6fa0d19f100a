using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Core.Tags;
using Widget.Data.Posts;
using Widget.Web.Hosting;
using Widget.Web.Microblog;

namespace Widget.Web.Search;

/// <summary>Post search as a page and as JSON, and tag-name completion for the configurator.</summary>
public static class SearchEndpoints
{
    public const int MaxQueryLength = 200;

    public const int DefaultLimit = 20;

    public const int MaxLimit = 50;

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", GetPageAsync);
        var api = app.MapGroup("/api");
        api.MapGet("/search", SearchAsync);
        api.MapGet("/tags", SuggestTagsAsync);
        return app;
    }

    public static async Task<RazorComponentResult<SearchPage>> GetPageAsync(
        string? q, long? before, PostSearch search, PublicUrls urls, CancellationToken ct)
    {
        var query = (q ?? "").Trim();
        var meta = PageMeta.For(urls, "/search", query.Length > 0 ? $"“{query}”" : "Search", "Search every post.");
        var results = query.Length is > 0 and <= MaxQueryLength
            ? await FindAsync(search, query, before, DefaultLimit, ct)
            : new SearchResults([], null);
        return new RazorComponentResult<SearchPage>(new { Meta = meta, Query = query, Results = results });
    }

    public static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchAsync(
        string? q, long? before, int? limit, PostSearch search, CancellationToken ct)
    {
        var query = (q ?? "").Trim();
        if (query.Length is 0 or > MaxQueryLength)
        {
            return Invalid("q", $"Give 1 to {MaxQueryLength} characters to search for.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Invalid("limit", $"limit must be between 1 and {MaxLimit}.");
        }

        return TypedResults.Ok(await FindAsync(search, query, before, limit ?? DefaultLimit, ct));
    }

    public static async Task<Results<Ok<TagSuggestions>, ValidationProblem>> SuggestTagsAsync(
        string? prefix, int? limit, PostSearch search, CancellationToken ct)
    {
        if (!Tag.TryParse(prefix, out var parsed))
        {
            return Invalid("prefix", "Give the start of a tag: letters, digits or '_'.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Invalid("limit", $"limit must be between 1 and {MaxLimit}.");
        }

        return TypedResults.Ok(new TagSuggestions(await search.TagsAsync(parsed.Value, limit ?? DefaultLimit, ct)));
    }

    private static async Task<SearchResults> FindAsync(PostSearch search, string query, long? before, int limit, CancellationToken ct)
    {
        var posts = await search.PostsAsync(query, before, limit + 1, ct);
        return posts.Count > limit ? new SearchResults(posts.Take(limit).ToArray(), posts[limit - 1].Id) : new SearchResults(posts, null);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
