using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Widget.Web.Auth;

/// <summary>
/// Treats a token or cookie whose session was revoked as no sign-in at all, so every endpoint answers
/// 401 for it without each one checking.
/// </summary>
/// <remarks>
/// The authentication service constructs this for every request, anonymous ones included; the guard leases
/// a database context only when its cache cannot answer.
/// </remarks>
public sealed class SessionClaimsTransformation(SessionGuard guard, IHttpContextAccessor http) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.ToPostAuthor() is not { } author)
        {
            return principal;
        }

        var ct = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        return await guard.IsActiveAsync(author.SessionId, ct) ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }
}
