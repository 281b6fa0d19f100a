using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Widget.Data.Accounts;
using Widget.Web.Hosting;

namespace Widget.Web.Auth;

/// <summary>
/// The sign-in popup on our own domain: its first page proves it was opened by the widget that holds
/// the sign-in's verifier (see <see cref="PopupRequest"/>), then it runs the provider's OpenID Connect
/// flow, or skips it when already signed in here, and ends on a page that hands the opener a code.
/// </summary>
public static class SignInPopupEndpoints
{
    private const string NotStarted = "The sign-in did not start from the chat widget. Close this window and sign in from the chat.";

    public static RouteGroupBuilder MapSignInPopup(this RouteGroupBuilder group)
    {
        group.MapGet("/popup", OpenPopup);
        group.MapPost("/popup", Start);
        // The challenge is what asks the provider (a pushed authorization request), so it is what is limited.
        group.MapGet("/challenge", ChallengeAsync).RequireRateLimiting(AuthPolicies.PopupStartRateLimit);
        group.MapGet("/complete", CompleteAsync);
        return group;
    }

    /// <summary>The popup's first page; its script asks the opener for the verifier and starts with it.</summary>
    public static Results<RazorComponentResult<SignInStartPage>, ProblemHttpResult> OpenPopup(
        string? provider, string? nonce, string? lang, HttpContext http, IOptions<AuthOptions> options)
    {
        if (!SignInNonce.IsWellFormed(nonce))
        {
            return TypedResults.Problem("The sign-in request is missing its nonce.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (provider is null || !options.Value.Providers.ContainsKey(provider))
        {
            return TypedResults.Problem("Unknown sign-in provider.", statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<SignInStartPage>(new { Nonce = nonce, Provider = provider, Labels = PopupLabels.For(lang) });
    }

    /// <summary>Starts a sign-in for the verifier's nonce in this browser; only our own pages may.</summary>
    public static Results<NoContent, ProblemHttpResult> Start(
        PopupStartRequest request, HttpContext http, PublicUrls urls, IOptions<AuthOptions> options)
    {
        if (!PopupRequest.IsFromOwnPage(http.Request, urls))
        {
            return TypedResults.Problem("Sign in from the chat widget itself.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!SignInNonce.IsWellFormed(request.Verifier))
        {
            return TypedResults.Problem("The sign-in request is missing its verifier.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (request.Provider is null || !options.Value.Providers.ContainsKey(request.Provider))
        {
            return TypedResults.Problem("Unknown sign-in provider.", statusCode: StatusCodes.Status400BadRequest);
        }

        PopupRequest.Remember(http.Response, SignInNonce.For(request.Verifier!));
        return TypedResults.NoContent();
    }

    /// <summary>Sends a started popup to the provider, or straight to the hand-off when already signed in here.</summary>
    public static async Task<Results<ChallengeHttpResult, RedirectHttpResult, ProblemHttpResult>> ChallengeAsync(
        string? provider, string? nonce, string? lang, HttpContext http, IOptions<AuthOptions> options)
    {
        if (!SignInNonce.IsWellFormed(nonce) || !PopupRequest.Started(http, nonce!))
        {
            return TypedResults.Problem(NotStarted, statusCode: StatusCodes.Status400BadRequest);
        }

        if (provider is null || !options.Value.Providers.ContainsKey(provider))
        {
            return TypedResults.Problem("Unknown sign-in provider.", statusCode: StatusCodes.Status400BadRequest);
        }

        var complete = $"/auth/complete?nonce={nonce}&lang={PopupLabels.For(lang).Language}";
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
        string? nonce, string? lang, HttpContext http, SignInHandoffs handoffs, PublicUrls urls, IOptions<AuthOptions> options,
        CancellationToken ct)
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
            Origin = urls.OriginText,
            Labels = PopupLabels.For(lang),
        });
    }
}
