using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Widget.Data.Accounts;
using Widget.Web.Hosting;

namespace Widget.Web.Auth;

/// <summary>
/// Turns a provider's sign-in into the service's own user and session. The OpenID Connect handler, and these
/// events with it, are created for every request (each is asked whether it is a sign-in callback), so the
/// account store, and the database context behind it, is resolved only for an actual sign-in.
/// </summary>
public sealed partial class ExternalSignInEvents(ILogger<ExternalSignInEvents> logger, PublicUrls urls) : OpenIdConnectEvents
{
    /// <summary>
    /// The handler builds the redirect URI on the request's Host header; the provider must send the code
    /// back to our configured origin, whatever host the request that started the sign-in named.
    /// </summary>
    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        context.ProtocolMessage.RedirectUri = urls.Absolute(context.Options.CallbackPath);
        return Task.CompletedTask;
    }

    public override async Task TicketReceived(TicketReceivedContext context)
    {
        var external = context.Principal;
        // The issuer is not a claim of its own: it is the issuer of the id token's claims.
        var subject = external?.FindFirst("sub");
        if (external is null || subject is null || string.IsNullOrEmpty(subject.Issuer))
        {
            context.Fail("The provider did not say who you are.");
            return;
        }

        var name = external.FindFirstValue("name") ?? external.FindFirstValue("preferred_username")
            ?? external.FindFirstValue("nickname");
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        var user = await accounts.SignInAsync(subject.Issuer, subject.Value, name ?? "", context.HttpContext.RequestAborted);
        context.Principal = user.ToPrincipal();
        // The handler sends the browser to this address next, whoever set it.
        context.ReturnUri = LocalReturnUrl.OrDefault(context.ReturnUri);
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        LogSignInFailed(logger, context.Scheme.Name, context.Failure?.Message);
        context.HandleResponse();
        var page = new RazorComponentResult<SignInFailedPage>() { StatusCode = StatusCodes.Status400BadRequest };
        await page.ExecuteAsync(context.HttpContext);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in through {Scheme} failed: {Reason}")]
    private static partial void LogSignInFailed(ILogger logger, string scheme, string? reason);
}
