using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Widget.Web.Hosting;

namespace Widget.Web.Auth;

/// <summary>
/// Pages send a person to sign in; machine endpoints answer 401 and let the caller decide. Signing in
/// and out also sets and clears the session's cross-site cookie (<see cref="CrossSiteSession"/>).
/// </summary>
public sealed class WidgetCookieEvents(IOptions<AuthOptions> options, PublicUrls urls) : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/auth") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        // The handler builds the address on the request's Host header; ours comes from the configuration.
        context.RedirectUri = urls.Absolute(new Uri(context.RedirectUri).PathAndQuery);
        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public override Task SignedIn(CookieSignedInContext context) =>
        CrossSiteSession.SignInAsync(context.HttpContext, context.Principal!, context.Properties.IsPersistent, options.Value);

    public override Task SigningOut(CookieSigningOutContext context) =>
        context.HttpContext.SignOutAsync(CrossSiteSession.Scheme);
}
