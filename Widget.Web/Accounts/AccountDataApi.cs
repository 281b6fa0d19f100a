using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Data.Accounts;
using Widget.Data.Posts;
using Widget.Data.Reactions;
using Widget.Web.Auth;
using Widget.Web.Viewing;

namespace Widget.Web.Accounts;

/// <summary>What a signed-in user may do with their own data.</summary>
public static class AccountDataApi
{
    public const string ExportFileName = "widget-posts.json";

    public static IEndpointRouteBuilder MapAccountDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").RequireAuthorization(AuthPolicies.SignedIn);
        group.MapGet("/export", ExportAsync);
        group.MapDelete("", DeleteAsync);
        return app;
    }

    public static async Task<Results<Ok<AccountExport>, NotFound>> ExportAsync(
        ClaimsPrincipal user, PublicQueries queries, ReactionStore reactions, HttpContext http, CancellationToken ct)
    {
        var author = user.ToPostAuthor()!;
        if (await queries.FindUserAsync(author.UserId, ct) is not { } profile)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{ExportFileName}\"";
        return TypedResults.Ok(new AccountExport(profile, queries.AllByAuthorAsync(author.UserId, ct), reactions.AllByUser(author.UserId)));
    }

    /// <summary>Deletes the account and everything in it, then ends its sessions and their open connections here.</summary>
    public static async Task<NoContent> DeleteAsync(
        ClaimsPrincipal user, AccountDeletion deletion, SessionGuard guard, WidgetPageEvictions pages, CancellationToken ct)
    {
        var author = user.ToPostAuthor()!;
        foreach (var session in await deletion.DeleteAsync(author.UserId, ct))
        {
            await guard.RevokeAsync(session, ct);
        }

        // Their posts may be on any channel's page.
        await pages.AllAsync();

        return TypedResults.NoContent();
    }
}
