using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Data.Accounts;

namespace Widget.Web.Auth;

/// <summary>
/// Sign-in for a widget inside a third-party iframe, without third-party cookies: a popup on our own
/// domain (<see cref="SignInPopupEndpoints"/>) runs the OpenID Connect flow and ends by handing the
/// iframe a one-time code for the sign-in's nonce; the iframe trades code and verifier for a bearer token.
/// </summary>
public static class AuthEndpoints
{
    private const string BadCode = "This sign-in code is invalid, already used or expired. Sign in again.";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth");
        group.MapSignInPopup();
        group.MapPost("/handoff", CollectCodeAsync).RequireRateLimiting(AuthPolicies.SignInRateLimit);
        group.MapPost("/token", ExchangeCodeAsync).RequireRateLimiting(AuthPolicies.SignInRateLimit);
        group.MapPost("/silent", SilentSignInAsync).RequireRateLimiting(AuthPolicies.SignInRateLimit);
        group.MapPost("/signout", SignOutAsync).RequireAuthorization(AuthPolicies.SignedIn);
        return app;
    }

    /// <summary>Lets the iframe collect its code when the provider's pages cut the popup's link to it.</summary>
    public static async Task<Results<Ok<HandoffCode>, NoContent, ProblemHttpResult>> CollectCodeAsync(
        HandoffRequest request, SignInHandoffs handoffs, HttpContext http, CancellationToken ct)
    {
        if (!SignInNonce.IsWellFormed(request.Verifier))
        {
            return TypedResults.Problem("The verifier is missing or malformed.", statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.Headers.CacheControl = "no-store";
        var code = await handoffs.FindCodeAsync(SignInNonce.Hash(SignInNonce.For(request.Verifier!)), ct);
        return code is null ? TypedResults.NoContent() : TypedResults.Ok(new HandoffCode(code));
    }

    public static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> ExchangeCodeAsync(
        TokenRequest request, SignInHandoffs handoffs, AccountStore accounts, TokenIssuer issuer,
        HttpContext http, CancellationToken ct)
    {
        if (!SignInNonce.IsWellFormed(request.Verifier) || string.IsNullOrEmpty(request.Code))
        {
            return TypedResults.Problem(BadCode, statusCode: StatusCodes.Status400BadRequest);
        }

        var sessionId = await handoffs.RedeemAsync(SignInNonce.Hash(SignInNonce.For(request.Verifier!)), request.Code, ct);
        var user = sessionId is { } id ? await accounts.FindActiveSessionAsync(id, ct) : null;
        if (user is null)
        {
            return TypedResults.Problem(BadCode, statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(issuer.Issue(user));
    }

    /// <summary>
    /// A token for the session behind the cross-site cookie, for a widget that was granted storage
    /// access: no popup, no code. Without CORS headers only our own pages can read the answer; a
    /// request that says it comes from another site is refused outright.
    /// </summary>
    public static async Task<Results<Ok<IssuedToken>, NoContent, ProblemHttpResult>> SilentSignInAsync(
        HttpContext http, AccountStore accounts, TokenIssuer issuer, CancellationToken ct)
    {
        // Browsers send Fetch Metadata on every request; one without it is not a widget of ours.
        if (http.Request.Headers["Sec-Fetch-Site"] != "same-origin")
        {
            return TypedResults.Problem("Only the widget itself may ask for this.", statusCode: StatusCodes.Status403Forbidden);
        }

        http.Response.Headers.CacheControl = "no-store";
        var cookie = await http.AuthenticateAsync(CrossSiteSession.Scheme);
        var user = cookie.Principal.ToPostAuthor() is { } author ? await accounts.FindActiveSessionAsync(author.SessionId, ct) : null;
        return user is null ? TypedResults.NoContent() : TypedResults.Ok(issuer.Issue(user));
    }

    /// <summary>Revokes the sign-in session: every token from it, its cookie, and its open connections.</summary>
    public static async Task<NoContent> SignOutAsync(ClaimsPrincipal user, SessionGuard guard, CancellationToken ct)
    {
        await guard.RevokeAsync(user.ToPostAuthor()!.SessionId, ct);
        return TypedResults.NoContent();
    }
}
