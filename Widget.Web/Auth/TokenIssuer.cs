using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Widget.Data.Accounts;

namespace Widget.Web.Auth;

/// <summary>
/// Makes the bearer tokens widgets use for the hub and the API: data-protected tickets, read back by
/// ASP.NET Core's bearer-token handler, with keys shared by all nodes through Postgres.
/// </summary>
public sealed class TokenIssuer(
    IOptionsMonitor<BearerTokenOptions> bearer, IOptions<AuthOptions> options, TimeProvider time)
{
    public IssuedToken Issue(SessionUser user)
    {
        var lifetime = options.Value.TokenLifetime;
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime };
        var ticket = new AuthenticationTicket(user.ToPrincipal(), properties, BearerTokenDefaults.AuthenticationScheme);
        var token = bearer.Get(BearerTokenDefaults.AuthenticationScheme).BearerTokenProtector.Protect(ticket);
        return new IssuedToken(token, (long)lifetime.TotalSeconds, new TokenUser(user.UserId, user.DisplayName));
    }
}
