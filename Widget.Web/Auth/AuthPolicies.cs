namespace Widget.Web.Auth;

public static class AuthPolicies
{
    /// <summary>Requests carrying a valid widget token (revoked sessions are already anonymous by then).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Per-address limit on the sign-in hand-off endpoints, which anyone can call.</summary>
    public const string SignInRateLimit = "sign-in";

    public static string OidcScheme(string provider) => "oidc-" + provider;
}
