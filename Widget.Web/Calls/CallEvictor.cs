using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Text;
using Widget.Web.Language;

namespace Widget.Web.Calls;

/// <summary>Takes people out of this node's calls: each one removed is told why, in their widget's language, so
/// it stops its camera and microphone; then the call's watchers get the roster without them and drop their peers.</summary>
public sealed class CallEvictor(CallRooms rooms, IHubContext<CallHub, ICallClient> hub, IOptions<CallOptions> options) : ICallEvictions
{
    public async Task EvictAsync(CallEviction eviction)
    {
        var (removed, roster) = rooms.Remove(eviction.Tag, eviction.Matches, options.Value.MaxParticipants);
        if (removed.Count == 0)
        {
            return;
        }

        var notice = Notice.Of("Call.Out." + eviction.Reason, eviction.Tag);
        // Told first: a widget that learned of its removal from the roster alone would not know why.
        await Task.WhenAll(removed.Select(r =>
            hub.Clients.Client(r.Member.ConnectionId).Removed(new CallRemovedEvent(eviction.Tag, VisitorText.Say(notice, r.Language)))));
        await hub.Clients.Group(CallHub.Group(eviction.Tag)).CallChanged(roster);
    }
}
