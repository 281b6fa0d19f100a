using System.Security.Claims;
using Widget.Core.Text;
using Widget.Data.Accounts;
using Widget.Web.Posting;

namespace Widget.Web.Auth;

/// <summary>The claims of the service's own identity, the same in the popup's cookie and in widget tokens.</summary>
public static class WidgetClaims
{
    public const string UserId = "sub";
    public const string SessionId = "sid";
    public const string Name = "name";
    public const string AuthenticationType = "widget";

    public static ClaimsPrincipal ToPrincipal(this SessionUser user) =>
        new(new ClaimsIdentity(
            [
                new Claim(UserId, user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(SessionId, user.SessionId.ToString()),
                new Claim(Name, user.DisplayName),
            ],
            AuthenticationType, Name, null));

    public static PostAuthor? ToPostAuthor(this ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true
        && long.TryParse(principal.FindFirstValue(UserId), out var userId)
        && Guid.TryParse(principal.FindFirstValue(SessionId), out var sessionId)
            ? new PostAuthor(userId, sessionId, UserText.Line(principal.FindFirstValue(Name) ?? ""))
            : null;
}
