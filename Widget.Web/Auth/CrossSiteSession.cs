using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Widget.Web.Auth;

/// <summary>
/// A second cookie for the same sign-in session, for one purpose: letting the widget in a third-party
/// iframe sign in without a popup once the visitor has granted it storage access. Unlike the first-party
/// <c>widget.session</c> (Lax) it must travel in a cross-site frame, so it is <c>SameSite=None; Secure</c>;
/// its path keeps it away from every endpoint but <see cref="Path"/>, so no other endpoint becomes
/// reachable with credentials from other sites.
/// </summary>
public static class CrossSiteSession
{
    public const string Scheme = "cross-site-session";

    public const string CookieName = "widget.silent";

    public const string Path = "/auth/silent";

    /// <summary>Whether this request's sign-in sets the cookie (see <see cref="AuthOptions.CrossSiteCookie"/>).</summary>
    public static bool Applies(HttpRequest request, AuthOptions options) => options.CrossSiteCookie ?? request.IsHttps;

    public static AuthenticationBuilder AddCrossSiteSessionCookie(this AuthenticationBuilder auth, AuthOptions options) =>
        auth.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = Path;
            cookie.Cookie.SameSite = SameSiteMode.None;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.HttpOnly = true;
            cookie.ExpireTimeSpan = options.TokenLifetime;
            cookie.SlidingExpiration = true;
        });

    /// <summary>Sets the cookie beside the first-party one, lasting as long, when the settings ask for it.</summary>
    public static Task SignInAsync(HttpContext http, ClaimsPrincipal principal, bool persistent, AuthOptions options) =>
        Applies(http.Request, options)
            ? http.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = persistent })
            : Task.CompletedTask;
}
