using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Core.Reactions;
using Widget.Web.Auth;
using Widget.Web.Posting;

namespace Widget.Web.Reactions;

/// <summary><c>PUT</c> and <c>DELETE /api/posts/{id}/reactions/{emoji}</c>; see docs/api.md.</summary>
public static class ReactionsApi
{
    public static WebApplication MapReactionsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/posts/{id:long}/reactions/{emoji}").RequireAuthorization(AuthPolicies.SignedIn);
        group.MapPut("", AddAsync);
        group.MapDelete("", RemoveAsync);
        return app;
    }

    public static Task<Results<Ok<IReadOnlyList<ReactionCount>>, ProblemHttpResult>> AddAsync(
        long id, string emoji, ClaimsPrincipal user, ReactionService reactions, CancellationToken ct) =>
        ReactAsync(id, emoji, on: true, user, reactions, ct);

    public static Task<Results<Ok<IReadOnlyList<ReactionCount>>, ProblemHttpResult>> RemoveAsync(
        long id, string emoji, ClaimsPrincipal user, ReactionService reactions, CancellationToken ct) =>
        ReactAsync(id, emoji, on: false, user, reactions, ct);

    private static async Task<Results<Ok<IReadOnlyList<ReactionCount>>, ProblemHttpResult>> ReactAsync(
        long id, string emoji, bool on, ClaimsPrincipal user, ReactionService reactions, CancellationToken ct)
    {
        var result = await reactions.ReactAsync(user.ToPostAuthor()!.UserId, id, emoji, on, ct);
        return result.Accepted ? TypedResults.Ok(result.Counts) : PostsApi.ToProblem(result.Rejection);
    }
}
