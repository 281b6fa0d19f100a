using System.ComponentModel.DataAnnotations;

namespace Widget.Web.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Keyed by a short name used in URLs (<c>/auth/popup?provider=NAME</c>, <c>/signin-oidc/NAME</c>).</summary>
    public Dictionary<string, OidcProviderOptions> Providers { get; set; } = [];

    /// <summary>How long a widget's token stays valid; revoking the session ends it sooner.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the popup's one-time code waits for the iframe.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per minute one address may make to the sign-in hand-off endpoints (polling included).</summary>
    [Range(1, 100_000)]
    public int SignInRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Sign-in popups one address may start per minute, across the cluster. A person starts one per sign-in and a
    /// token lasts weeks, so this leaves room for a crowd behind one shared address, not for a script.
    /// </summary>
    [Range(1, 100_000)]
    public int PopupStartsPerMinute { get; set; } = 30;

    /// <summary>
    /// Whether a sign-in here also sets the cross-site session cookie that <c>/auth/silent</c> reads
    /// (<c>SameSite=None; Secure</c>). Unset: on https requests only. <c>true</c> also on plain http,
    /// which browsers accept for localhost only; <c>false</c>: never, and "Continue as" never appears.
    /// </summary>
    public bool? CrossSiteCookie { get; set; }

    /// <summary>How long a session's validity is trusted before asking the database again on this node.</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
