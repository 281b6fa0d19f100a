using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Posts;
using Widget.Web.Auth;
using Widget.Web.Hosting;
using Widget.Web.Language;
using Widget.Web.Moderation;

namespace Widget.Web.Posting;

/// <summary>The HTTP API for posts; see docs/api.md.</summary>
public static class PostsApi
{
    public const int MaxPageSize = 100;

    public static WebApplication MapPostsApi(this WebApplication app)
    {
        var maxRequestBytes = app.Services.GetRequiredService<IOptions<PostingOptions>>().Value.MaxRequestBytes;
        var api = app.MapGroup("/api");
        api.MapGet("/tags/{tag}/posts", ListAsync);
        api.MapPost("/tags/{tag}/posts", CreateAsync)
            .RequireAuthorization(AuthPolicies.SignedIn)
            .WithMetadata(new RequestSizeLimitAttribute(maxRequestBytes));
        api.MapGet("/posts/{id:long}", GetAsync);
        api.MapDelete("/posts/{id:long}", DeleteAsync).RequireAuthorization(AuthPolicies.SignedIn);
        return app;
    }

    /// <summary>Newest first with <paramref name="before"/> (or neither); oldest first with <paramref name="after"/>.</summary>
    public static async Task<Results<Ok<PostPage>, ValidationProblem>> ListAsync(
        string tag, long? before, long? after, int? limit, PostQueries queries, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Tag.TryParse(tag, out var parsed))
        {
            errors["tag"] = ["Not a valid tag: letters, digits and '_', at most 64."];
        }

        if (before is not null && after is not null)
        {
            errors["after"] = ["Give either 'before' or 'after', not both."];
        }

        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"'limit' must be between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var take = limit ?? 50;
        var posts = after is { } afterSeq
            ? await queries.AfterAsync(parsed!.Value, afterSeq, take + 1, ct)
            : await queries.LatestAsync(parsed!.Value, before, take + 1, ct);
        return TypedResults.Ok(new PostPage(posts.Take(take).ToArray(), posts.Count > take));
    }

    /// <summary>201 with the post; 200 for a retried client id; 202 with <see cref="HeldAnswer"/> when it waits for a moderator.</summary>
    public static async Task<Results<Created<Post>, Ok<Post>, Accepted<HeldAnswer>, ProblemHttpResult>> CreateAsync(
        string tag, CreatePostRequest request, ClaimsPrincipal user, PostingService posting, CancellationToken ct)
    {
        var result = await posting.PostAsync(user.ToPostAuthor()!, tag, request.ClientId, request.Text, request.ReplyTo, ct);
        if (result.IsHeld)
        {
            return TypedResults.Accepted((string?)null, new HeldAnswer(result.Held.Post, Held: true, VisitorText.Say(PremoderationMessages.Held(result.Held.Tag), WidgetLanguage.En)));
        }

        if (!result.Accepted)
        {
            return ToProblem(result.Rejection!);
        }

        var post = result.Stored.Post;
        return result.Stored.Created ? TypedResults.Created($"/api/posts/{post.Id}", post) : TypedResults.Ok(post);
    }

    public static async Task<Results<Ok<Post>, NotFound>> GetAsync(long id, PostQueries queries, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is { } post ? TypedResults.Ok(post) : TypedResults.NotFound();

    /// <summary>The author, or a moderator of the post's channel, deletes it from every tag.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, ClaimsPrincipal user, ModerationService moderation, CancellationToken ct)
    {
        var outcome = await moderation.DeleteAsync(user.ToPostAuthor()!.UserId, id, ct);
        return outcome.Status switch
        {
            ModerationStatus.Done => TypedResults.NoContent(),
            ModerationStatus.NotFound => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden),
        };
    }

    internal static ProblemHttpResult ToProblem(PostRejection rejection)
    {
        var status = rejection.Reason switch
        {
            PostRejectionReason.RateLimited => StatusCodes.Status429TooManyRequests,
            PostRejectionReason.Forbidden => StatusCodes.Status403Forbidden,
            PostRejectionReason.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        var extensions = rejection.RetryAfter is { } retry && retry > TimeSpan.Zero
            ? new Dictionary<string, object?> { [ProblemDefaults.RetryAfter] = (int)Math.Ceiling(retry.TotalSeconds) }
            : null;
        extensions ??= [];
        extensions[ProblemDefaults.Code] = rejection.Message.Key;
        return TypedResults.Problem(VisitorText.Say(rejection.Message, WidgetLanguage.En), statusCode: status, extensions: extensions);
    }
}
