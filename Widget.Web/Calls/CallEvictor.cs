using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Text;
using Widget.Web.Language;
using Widget.Web.Realtime;
using Widget.Web.Together;

namespace Widget.Web.Calls;

/// <summary>Takes people out of this node's share of the calls (every node does so with its own, see
/// <see cref="RedisCallEvictions"/>): each one removed is told why, in their widget's language, so
/// it stops its camera and microphone; then the call's watchers get the roster without them and drop their peers.
/// The removal is done on return; the telling is not awaited (<see cref="DetachedSends"/>), so a moderator never
/// waits on the slowest watcher. A ban reaches this node's browsing sessions in the channel too
/// (<see cref="TogetherEvictor"/>), carried to every node the same way.</summary>
public sealed partial class CallEvictor(
    CallRooms rooms, ICallDirectory directory, IHubContext<CallHub, ICallClient> hub, IOptions<CallOptions> options,
    TogetherEvictor together, ILogger<CallEvictor> logger)
    : ICallEvictions
{
    public Task EvictAsync(CallEviction eviction)
    {
        Evict(eviction);
        return Task.CompletedTask;
    }

    public void Evict(CallEviction eviction)
    {
        if (eviction is { Reason: CallOutReason.Banned, UserId: { } banned })
        {
            together.Evict(eviction.Tag, banned);
        }

        foreach (var room in rooms.RoomsOf(eviction.Tag).Where(eviction.Reaches))
        {
            var (removed, _) = rooms.Remove(room, eviction.Matches, options.Value.MaxParticipants);
            if (removed.Count > 0)
            {
                DetachedSends.Observe(TellAsync(eviction, room, removed), null, e => LogTellFailed(logger, eviction.Tag, e));
            }
        }
    }

    private async Task TellAsync(
        CallEviction eviction, string room, IReadOnlyList<(CallMember Member, Core.Sites.WidgetLanguage Language)> removed)
    {
        await directory.LeftAsync(room, [.. removed.Select(r => r.Member.ConnectionId)]);
        var notice = Notice.Of("Call.Out." + eviction.Reason, eviction.Tag);
        // Told first: a widget that learned of its removal from the roster alone would not know why.
        await Task.WhenAll(removed.Select(r =>
            hub.Clients.Client(r.Member.ConnectionId).Removed(new CallRemovedEvent(room, VisitorText.Say(notice, r.Language)))));
        await hub.Clients.Group(CallHub.Group(room)).CallChanged(
            await directory.RosterAsync(room, options.Value.MaxParticipants, CancellationToken.None));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "People taken out of the call in #{Tag} were not all told; their widgets hear nothing more from it")]
    private static partial void LogTellFailed(ILogger logger, string tag, Exception exception);
}
