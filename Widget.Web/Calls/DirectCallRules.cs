using Widget.Core.Presence;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Data.Sites;

namespace Widget.Web.Calls;

/// <summary>
/// What a direct call needs, checked when it rings and again when it is answered, since either side may have been
/// banned, left or had calls turned off meanwhile: calls on in the channel, two different people, both signed in
/// and present in it (presence names signed-in people only), neither banned there. Where calls are by admission,
/// both must be free to join the channel's call (moderators, or let in by one), so a direct call is no way around
/// the door.
/// </summary>
public sealed class DirectCallRules(SiteStore sites, ModerationStore moderation, IPresenceStore presence, CallDoor door)
{
    /// <summary>Why the call may not go ahead, or null with the callee as presence names them.</summary>
    public async Task<(Notice? Refusal, PresentUser? Callee)> CheckAsync(string tag, long callerId, long calleeId, CancellationToken ct)
    {
        if (callerId == calleeId)
        {
            return (Notice.Of("Ring.Self"), null);
        }

        if (!Tag.TryParse(tag, out var parsed) || await sites.FindAsync(parsed.Value, ct) is not { Settings.Calls: not CallsMode.Off and var mode })
        {
            return (Notice.Of("Call.Off"), null);
        }

        var here = (await presence.GetAsync(tag, ct)).Users;
        var callee = here.FirstOrDefault(u => u.Id == calleeId);
        if (callee is null || here.All(u => u.Id != callerId))
        {
            return (Notice.Of("Ring.NotHere"), null);
        }

        if ((await moderation.BansOnAsync(callerId, [tag], ct)).InForce is not null)
        {
            return (Notice.Of("Call.Banned"), null);
        }

        if (mode == CallsMode.Admitted && !await door.MayJoinAsync(tag, callerId, ct))
        {
            return (Notice.Of("Ring.NotAdmitted"), null);
        }

        // Any ban, a shadow one too; the caller is told no more than that the call cannot be made.
        return (await moderation.BansOnAsync(calleeId, [tag], ct)).InForce is not null
               || (mode == CallsMode.Admitted && !await door.MayJoinAsync(tag, calleeId, ct))
            ? (Notice.Of("Ring.Unavailable"), null)
            : (null, callee);
    }
}
