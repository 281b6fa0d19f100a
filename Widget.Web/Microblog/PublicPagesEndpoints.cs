using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Posts;
using Widget.Web.Hosting;
using Widget.Web.Viewing;

namespace Widget.Web.Microblog;

/// <summary>The public microblog pages, rendered on the server (static SSR) like the widget.</summary>
public static class PublicPagesEndpoints
{
    public const int PageSize = 30;

    private const int ActiveTagCount = 20;

    private const int MaxNamesakes = 50;

    private const int MaxReplies = 200;

    private static readonly TimeSpan ActiveWindow = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        group.MapGet("/", GetHomeAsync);
        group.MapGet("/t/{tag}", GetTagAsync);
        group.MapGet("/u/{id:long}", GetUserAsync);
        group.MapGet("/u/{name}", GetMentionedAsync);
        group.MapGet("/p/{id:long}", GetPostAsync);
        return app;
    }

    public static async Task<RazorComponentResult<HomePage>> GetHomeAsync(
        long? before, PublicQueries queries, TimeProvider time, PublicUrls urls, CancellationToken ct)
    {
        var posts = await queries.NewestAsync(before, PageSize + 1, ct);
        var active = await queries.ActiveTagsAsync(time.GetUtcNow() - ActiveWindow, ActiveTagCount, ct);
        var meta = PageMeta.For(urls, "/", "Newest posts", "The newest posts in every channel, and the channels busy today.");
        return new RazorComponentResult<HomePage>(new
        {
            Meta = meta,
            Posts = posts.Take(PageSize).ToArray(),
            ActiveTags = active,
            OlderHref = posts.Count > PageSize ? "/?before=" + Invariant(posts[PageSize - 1].Id) : null,
        });
    }

    public static async Task<Results<RazorComponentResult<TagTimelinePage>, NotFound>> GetTagAsync(
        string tag, long? before, PostQueries queries, PublicUrls urls, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return TypedResults.NotFound();
        }

        var posts = await queries.LatestAsync(parsed.Value, before, PageSize + 1, ct);
        if (posts.Count == 0 && before is null)
        {
            return TypedResults.NotFound();
        }

        var name = parsed.Value.Value;
        var meta = PageMeta.For(urls, PublicLinks.Tag(name), "#" + name, $"Posts tagged #{name}, live.",
            feedPath: PublicLinks.TagFeed(name));
        return new RazorComponentResult<TagTimelinePage>(new
        {
            Meta = meta,
            Tag = name,
            Posts = posts.Take(PageSize).ToArray(),
            OlderHref = posts.Count > PageSize ? PublicLinks.Tag(name) + "?before=" + Invariant(posts[PageSize - 1].Seq) : null,
            Live = before is null,
        });
    }

    public static async Task<Results<RazorComponentResult<ProfilePage>, NotFound>> GetUserAsync(
        long id, long? before, PublicQueries queries, PublicUrls urls, CancellationToken ct)
    {
        if (await queries.FindUserAsync(id, ct) is not { } user)
        {
            return TypedResults.NotFound();
        }

        var posts = await queries.ByAuthorAsync(id, before, PageSize + 1, ct);
        var name = UserText.Line(user.DisplayName);
        var meta = PageMeta.For(urls, PublicLinks.User(id), name, $"Posts by {name}.", "profile", PublicLinks.UserFeed(id));
        return new RazorComponentResult<ProfilePage>(new
        {
            Meta = meta,
            User = user,
            Posts = posts.Take(PageSize).ToArray(),
            OlderHref = posts.Count > PageSize ? PublicLinks.User(id) + "?before=" + Invariant(posts[PageSize - 1].Id) : null,
        });
    }

    /// <summary>Where a mention leads: the one user of that name, or a list when several share it.</summary>
    public static async Task<Results<RedirectHttpResult, RazorComponentResult<NamesakesPage>, NotFound>> GetMentionedAsync(
        string name, PublicQueries queries, PublicUrls urls, CancellationToken ct)
    {
        if (name.Length > Tag.MaxLength)
        {
            return TypedResults.NotFound();
        }

        var users = await queries.FindUsersNamedAsync(name, MaxNamesakes, ct);
        switch (users.Count)
        {
            case 0:
                return TypedResults.NotFound();
            case 1:
                return TypedResults.Redirect(PublicLinks.User(users[0].Id));
            default:
                var meta = PageMeta.For(urls, PublicLinks.Mention(name), "@" + name, $"People called {name}.");
                return new RazorComponentResult<NamesakesPage>(new { Meta = meta, Name = name, Users = users });
        }
    }

    public static async Task<Results<RazorComponentResult<PermalinkPage>, NotFound>> GetPostAsync(
        long id, PostQueries queries, Threads threads, PublicUrls urls, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } post)
        {
            return TypedResults.NotFound();
        }

        var author = UserText.Line(post.AuthorName);
        var meta = PageMeta.For(urls, PublicLinks.Post(id), $"{author} in #{post.Channel}", Excerpt(post), "article");
        var replies = post.ReplyTo is null ? await threads.RepliesAsync(id, MaxReplies, ct) : [];
        return new RazorComponentResult<PermalinkPage>(new { Meta = meta, Post = post, Replies = replies });
    }

    /// <summary>A link preview shows a line or two; the whole post is on the page.</summary>
    private static string Excerpt(Post post)
    {
        var text = UserText.Clean(post.Text).ReplaceLineEndings(" ");
        return text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 199), "…");
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
