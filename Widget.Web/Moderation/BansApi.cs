using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Core.Tags;
using Widget.Web.Auth;

namespace Widget.Web.Moderation;

/// <summary>Bans over HTTP with a moderator's bearer token: the same <see cref="ModerationService"/> calls the desk makes.</summary>
public static class BansApi
{
    public static WebApplication MapBansApi(this WebApplication app)
    {
        var bans = app.MapGroup("/api/tags/{tag}/bans").RequireAuthorization(AuthPolicies.SignedIn);
        bans.MapPost("", BanAsync);
        bans.MapDelete("/{userId:long}", LiftAsync);
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> BanAsync(
        string tag, BanRequest request, ClaimsPrincipal user, ModerationService moderation, TimeProvider time, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tag"] = ["Not a valid tag."] });
        }

        if (request.Minutes is < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["minutes"] = ["A timed ban lasts at least a minute."] });
        }

        DateTimeOffset? until = request.Minutes is { } minutes ? time.GetUtcNow().AddMinutes(minutes) : null;
        var outcome = await moderation.BanAsync(
            user.ToPostAuthor()!.UserId, parsed.Value.Value, request.UserId, until, request.Reason ?? "", request.Shadow, ct);
        return ToResult(outcome);
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> LiftAsync(
        string tag, long userId, ClaimsPrincipal user, ModerationService moderation, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tag"] = ["Not a valid tag."] });
        }

        return ToResult(await moderation.LiftBanAsync(user.ToPostAuthor()!.UserId, parsed.Value.Value, userId, ct));
    }

    private static Results<NoContent, ProblemHttpResult, ValidationProblem> ToResult(ModerationOutcome outcome) => outcome.Status switch
    {
        ModerationStatus.Done => TypedResults.NoContent(),
        ModerationStatus.NotFound => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound),
        ModerationStatus.Invalid => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status400BadRequest),
        _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden),
    };
}
