using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Widget.Web.Auth;

/// <summary>
/// Treats a token or cookie whose session was revoked as no sign-in at all, so every endpoint answers
/// 401 for it without each one checking.
/// </summary>
/// <remarks>
/// The authentication service constructs this for every request, anonymous ones included; the guard
/// (and the database context behind it) is resolved only when there is a session to check.
/// </remarks>
public sealed class SessionClaimsTransformation(IServiceProvider services, IHttpContextAccessor http) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.ToPostAuthor() is not { } author)
        {
            return principal;
        }

        var ct = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        var guard = services.GetRequiredService<SessionGuard>();
        return await guard.IsActiveAsync(author.SessionId, ct) ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }
}
