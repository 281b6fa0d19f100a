using System.Security.Cryptography;
using System.Text;

namespace Widget.Web.Auth;

/// <summary>
/// Binds a sign-in popup to the widget that opened it. Without this, any site could open our popup
/// with a nonce of its own choosing and, for a visitor already signed in here, collect the code by
/// polling. Only our own pages may start a popup (Fetch Metadata, or a same-origin Referer where a
/// browser sends none), and only the nonce that popup started may be completed (a short-lived cookie).
/// </summary>
public static class PopupRequest
{
    private const string CookieName = "widget.popup";

    public static bool IsFromOwnPage(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        return Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.GetLeftPart(UriPartial.Authority), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
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

    /// <summary>True when this browser's popup started a sign-in for <paramref name="nonce"/>; forgets it either way.</summary>
    public static bool Completes(HttpContext http, string nonce)
    {
        var remembered = http.Request.Cookies[CookieName] ?? "";
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/auth" });
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(remembered), Encoding.UTF8.GetBytes(nonce));
    }
}
