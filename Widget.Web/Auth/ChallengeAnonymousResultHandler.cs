using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Widget.Web.Auth;

/// <summary>
/// A token whose session was revoked authenticates, then <see cref="SessionClaimsTransformation"/> makes
/// it anonymous; without this the framework would answer 403 "forbidden" where 401 "sign in again" is true.
/// </summary>
public sealed class ChallengeAnonymousResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var result = authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true
            ? PolicyAuthorizationResult.Challenge()
            : authorizeResult;
        return fallback.HandleAsync(next, context, policy, result);
    }
}
