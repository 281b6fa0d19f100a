using Microsoft.AspNetCore.Mvc;
using Widget.Core.Sites;
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
    /// to whom Join would admit (signed in, calls on, not banned, let in where calls are by admission), since a relay costs the site its bandwidth;
    /// each check takes from the signalling rate, so it cannot be used to mint credentials in bulk.
    /// </summary>
    public async Task<CallCheck> Check(string tag, [FromServices] SiteStore sites, [FromServices] ModerationStore moderation,
        [FromServices] TurnCredentials turn, [FromServices] CallDoor door)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        if (!rate.TryTake(Context))
        {
            throw Refusal(Notice.Of("Call.TooFast"));
        }

        var (channel, mode) = await CallsModeAsync(tag, sites);
        await RefuseIfBannedAsync(user.UserId, channel, moderation);
        if (mode == CallsMode.Admitted && !await door.MayJoinAsync(channel, user.UserId, Context.ConnectionAborted))
        {
            throw Refusal(Notice.Of("Call.NotAdmitted"));
        }

        return new CallCheck(turn.For(user.UserId, CheckCredentialLifetime), turn.Relays);
    }
}
