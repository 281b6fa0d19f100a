using System.Security.Cryptography;
using System.Text;
using Widget.Web.Hosting;

namespace Widget.Web.Auth;

/// <summary>
/// Binds a sign-in popup to the widget frame that opened it. The popup's first page asks its opener,
/// by a message only a window of our own origin receives, for the verifier behind the nonce in its
/// URL, and starts the sign-in with it from our own origin. A link to the popup posted in a chat, or
/// a popup another site opens, has no such opener: it never starts, so it never completes a hand-off
/// for whoever planted the nonce. The start is then remembered in a short-lived cookie, so only the
/// browser that started a sign-in can complete it.
/// </summary>
public static class PopupRequest
{
    private const string CookieName = "widget.popup";

    /// <summary>A request our own pages made: Fetch Metadata where the browser sends it, else its Origin.</summary>
    public static bool IsFromOwnPage(HttpRequest request, PublicUrls urls)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        return Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
            && string.Equals(origin.GetLeftPart(UriPartial.Authority), urls.OriginText, StringComparison.OrdinalIgnoreCase);
    }

    public static void Remember(HttpResponse response, string nonce) =>
        response.Cookies.Append(CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = "/auth",
            // Lax reaches the top-level redirect back from the provider; nothing else needs it.
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(15),
        });

    /// <summary>True when this browser's popup started a sign-in for <paramref name="nonce"/>.</summary>
    public static bool Started(HttpContext http, string nonce) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(http.Request.Cookies[CookieName] ?? ""), Encoding.UTF8.GetBytes(nonce));

    /// <summary>As <see cref="Started"/>, and forgets the start either way: a sign-in completes once.</summary>
    public static bool Completes(HttpContext http, string nonce)
    {
        var started = Started(http, nonce);
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/auth" });
        return started;
    }
}
