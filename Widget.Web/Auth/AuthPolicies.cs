namespace Widget.Web.Auth;

public static class AuthPolicies
{
    /// <summary>Requests carrying a valid widget token (revoked sessions are already anonymous by then).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>A person signed in on the widget's own domain, as a webmaster or moderator is.</summary>
    public const string Webmaster = "webmaster";

    /// <summary>The default scheme: a bearer token when one is presented, else the first-party cookie.</summary>
    public const string AutoScheme = "auto";

    /// <summary>Per-address limit on the sign-in hand-off endpoints, which anyone can call.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>Per-address limit on starting the sign-in popup, each of which sends the browser on to the provider.</summary>
    public const string PopupStartRateLimit = "popup-start";

    public static string OidcScheme(string provider) => "oidc-" + provider;
}
