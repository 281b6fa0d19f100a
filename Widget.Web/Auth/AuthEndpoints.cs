using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Widget.Data.Accounts;

namespace Widget.Web.Auth;

/// <summary>
/// Sign-in for a widget inside a third-party iframe, without third-party cookies: a popup on our own
/// domain runs the OpenID Connect flow and ends by handing the iframe a one-time code bound to a nonce
/// the iframe chose; the iframe trades code and nonce for a bearer token.
/// </summary>
public static class AuthEndpoints
{
    private const string BadCode = "This sign-in code is invalid, already used or expired. Sign in again.";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth");
        group.MapGet("/popup", OpenPopupAsync).RequireRateLimiting(AuthPolicies.PopupStartRateLimit);
        group.MapGet("/complete", CompleteAsync);
        group.MapPost("/handoff", CollectCodeAsync).RequireRateLimiting(AuthPolicies.SignInRateLimit);
        group.MapPost("/token", ExchangeCodeAsync).RequireRateLimiting(AuthPolicies.SignInRateLimit);
        group.MapPost("/silent", SilentSignInAsync).RequireRateLimiting(AuthPolicies.SignInRateLimit);
        group.MapPost("/signout", SignOutAsync).RequireAuthorization(AuthPolicies.SignedIn);
        return app;
    }

    /// <summary>Starts the provider's sign-in, or skips straight to the hand-off when already signed in here.</summary>
    public static async Task<Results<ChallengeHttpResult, RedirectHttpResult, ProblemHttpResult>> OpenPopupAsync(
        string? provider, string? nonce, HttpContext http, IOptions<AuthOptions> options)
    {
        if (!SignInNonce.IsWellFormed(nonce))
        {
            return TypedResults.Problem("The sign-in request is missing its nonce.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (provider is null || !options.Value.Providers.ContainsKey(provider))
        {
            return TypedResults.Problem("Unknown sign-in provider.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!PopupRequest.IsFromOwnPage(http.Request))
        {
            return TypedResults.Problem("Sign in from the chat widget itself.", statusCode: StatusCodes.Status403Forbidden);
        }

        PopupRequest.Remember(http.Response, nonce!);
        var complete = "/auth/complete?nonce=" + Uri.EscapeDataString(nonce!);
        // A revoked session authenticates but is made anonymous, so ask who it is, not whether it parsed.
        var existing = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (existing.Principal.ToPostAuthor() is not null)
        {
            return TypedResults.Redirect(complete);
        }

        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = complete }, [AuthPolicies.OidcScheme(provider)]);
    }

    /// <summary>The popup's last page: stores a one-time code for the nonce and hands it to the opener.</summary>
    public static async Task<Results<RazorComponentResult<SignInCompletePage>, ProblemHttpResult>> CompleteAsync(
        string? nonce, HttpContext http, SignInHandoffs handoffs, IOptions<AuthOptions> options, CancellationToken ct)
    {
        var signedIn = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!SignInNonce.IsWellFormed(nonce) || !PopupRequest.Completes(http, nonce!) || signedIn.Principal.ToPostAuthor() is not { } user)
        {
            return TypedResults.Problem("The sign-in did not complete. Close this window and try again.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var code = SignInNonce.NewCode();
        await handoffs.CreateAsync(SignInNonce.Hash(nonce!), code, user.SessionId, options.Value.CodeLifetime, ct);
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<SignInCompletePage>(new
        {
            Nonce = nonce,
            Code = code,
            Origin = $"{http.Request.Scheme}://{http.Request.Host}",
        });
    }

    /// <summary>Lets the iframe collect its code when the provider's pages cut the popup's link to it.</summary>
    public static async Task<Results<Ok<HandoffCode>, NoContent, ProblemHttpResult>> CollectCodeAsync(
        HandoffRequest request, SignInHandoffs handoffs, HttpContext http, CancellationToken ct)
    {
        if (!SignInNonce.IsWellFormed(request.Nonce))
        {
            return TypedResults.Problem("The nonce is missing or malformed.", statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.Headers.CacheControl = "no-store";
        var code = await handoffs.FindCodeAsync(SignInNonce.Hash(request.Nonce!), ct);
        return code is null ? TypedResults.NoContent() : TypedResults.Ok(new HandoffCode(code));
    }

    public static async Task<Results<Ok<IssuedToken>, ProblemHttpResult>> ExchangeCodeAsync(
        TokenRequest request, SignInHandoffs handoffs, AccountStore accounts, TokenIssuer issuer,
        HttpContext http, CancellationToken ct)
    {
        if (!SignInNonce.IsWellFormed(request.Nonce) || string.IsNullOrEmpty(request.Code))
        {
            return TypedResults.Problem(BadCode, statusCode: StatusCodes.Status400BadRequest);
        }

        var sessionId = await handoffs.RedeemAsync(SignInNonce.Hash(request.Nonce!), request.Code, ct);
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
        if (http.Request.Headers["Sec-Fetch-Site"] is [{ } site] && site != "same-origin")
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
