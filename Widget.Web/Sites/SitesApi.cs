using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Sites;
using Widget.Web.Auth;
using Widget.Web.Moderation;
using Widget.Web.Viewing;

namespace Widget.Web.Sites;

/// <summary>Claims and hand-overs over HTTP with a bearer token: the same calls the /sites page and the desk make.</summary>
public static class SitesApi
{
    public static WebApplication MapSitesApi(this WebApplication app)
    {
        var site = app.MapGroup("/api/tags/{tag}/site").RequireAuthorization(AuthPolicies.SignedIn);
        site.MapPost("", ClaimAsync);
        site.MapPut("/owner", HandOverAsync);
        return app;
    }

    public static async Task<Results<Created, ProblemHttpResult, ValidationProblem>> ClaimAsync(
        string tag, ClaimsPrincipal user, SiteStore sites, WidgetPageEvictions pages, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return InvalidTag();
        }

        var claimed = await sites.ClaimAsync(parsed.Value, user.ToPostAuthor()!.UserId, ct);
        if (claimed == ClaimResult.Claimed)
        {
            await pages.TagAsync(parsed.Value.Value);
        }

        return claimed switch
        {
            ClaimResult.Claimed => TypedResults.Created($"/sites/{parsed.Value.Value}"),
            ClaimResult.AlreadyClaimed => TypedResults.Problem(ClaimMessages.AlreadyClaimed(parsed.Value.Value), statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(ClaimMessages.OthersPosted(parsed.Value.Value), statusCode: StatusCodes.Status403Forbidden),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandOverAsync(
        string tag, OwnerRequest request, ClaimsPrincipal user, ChannelHandover handover, CancellationToken ct)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            return InvalidTag();
        }

        var outcome = await handover.HandOverAsync(user.ToPostAuthor()!.UserId, parsed.Value, request.UserId, ct);
        return outcome.Status switch
        {
            ModerationStatus.Done => TypedResults.NoContent(),
            ModerationStatus.NotFound => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden),
        };
    }

    private static ValidationProblem InvalidTag() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tag"] = ["Not a valid tag."] });
}
