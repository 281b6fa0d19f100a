using Microsoft.AspNetCore.Mvc;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Data.Sites;
using Widget.Web.Auth;

namespace Widget.Web.Calls;

public sealed partial class CallHub
{
    /// <summary>The check takes seconds; its credentials need not outlive it.</summary>
    private static readonly TimeSpan CheckCredentialLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The ICE servers for the check screen before joining, which tests whether this browser reaches them. Only
    /// to whom Join would admit (signed in, calls on, not banned), since a relay costs the site its bandwidth;
    /// each check takes from the signalling rate, so it cannot be used to mint credentials in bulk.
    /// </summary>
    public async Task<CallCheck> Check(string tag, [FromServices] SiteStore sites, [FromServices] ModerationStore moderation,
        [FromServices] TurnCredentials turn)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        if (!rate.TryTake(Context))
        {
            throw Refusal(Notice.Of("Call.TooFast"));
        }

        var channel = await CallsAllowedAsync(tag, sites);
        await RefuseIfBannedAsync(user.UserId, channel, moderation);
        return new CallCheck(turn.For(user.UserId, CheckCredentialLifetime), turn.Relays);
    }
}
