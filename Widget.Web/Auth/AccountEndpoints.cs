using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Widget.Web.Viewing;

namespace Widget.Web.Auth;

/// <summary>First-party sign-in on the widget's own domain, for webmasters and moderators.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account");
        group.MapGet("/signin", SignInPage);
        group.MapGet("/login/{provider}", Login);
        group.MapPost("/signout", SignOutAsync);
        return app;
    }

    public static RazorComponentResult<AccountSignInPage> SignInPage(string? returnUrl, IOptions<AuthOptions> options) =>
        new(new
        {
            ReturnUrl = LocalReturnUrl.OrDefault(returnUrl),
            Providers = options.Value.Providers.Select(p => new SignInProvider(p.Key, p.Value.DisplayName)).ToArray(),
        });

    public static Results<ChallengeHttpResult, NotFound> Login(string provider, string? returnUrl, IOptions<AuthOptions> options) =>
        options.Value.Providers.ContainsKey(provider)
            ? TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = LocalReturnUrl.OrDefault(returnUrl) },
                [AuthPolicies.OidcScheme(provider)])
            : TypedResults.NotFound();

    /// <summary>
    /// Only the sign-out button on our own pages, which carries an antiforgery token: the session cookie is Lax,
    /// so a form on a sibling site would arrive with it and revoke the session, and any site's form would
    /// still clear the cookie.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(
        HttpContext http, IAntiforgery antiforgery, SessionGuard guard, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest);
        }

        var signedIn = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (signedIn.Principal.ToPostAuthor() is { } user)
        {
            await guard.RevokeAsync(user.SessionId, ct);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/");
    }
}
