using Microsoft.AspNetCore.Mvc;
using Widget.Core.Sites;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Data.Sites;
using Widget.Web.Auth;
using Widget.Web.Language;

namespace Widget.Web.Calls;

/// <summary>
/// The call of a "Browse together" session, in a room of its own (<see cref="SessionRoom"/>): any participant may
/// open it by joining, and the others see who is in it and join too. Only where the site's owner has calls on, and
/// only for a participant of the session (as a user: the call hub's connection is not the together hub's) who is not
/// banned in its channel. Beyond joining it is a call like any other: the same signalling checks, caps and evictions,
/// and on every signalling message whether the sender still takes part in the session (<see cref="SessionCalls"/>).
/// </summary>
public sealed partial class CallHub
{
    /// <summary>Follows the session's call: answers who is in it, then pushes <c>CallChanged</c>.</summary>
    public async Task<CallRoster> WatchSession(
        string sessionId, [FromServices] SessionCalls calls, [FromServices] SiteStore sites, [FromServices] ModerationStore moderation)
    {
        var (room, userId, _, _) = await SessionRoomAsync(sessionId, calls, sites, moderation);
        await calls.WatchingAsync(room, Context.ConnectionId, userId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(room), Context.ConnectionAborted);
        // Removed from the session while being added: the removal may have missed this connection.
        if (!await calls.StillInAsync(room, userId, Context.ConnectionAborted))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(room), Context.ConnectionAborted);
            throw Refusal(Notice.Of("Call.NotInSession"));
        }

        return await directory.RosterAsync(room, Max, Context.ConnectionAborted);
    }

    /// <summary>Joins the session's call, starting it when nobody is in it yet.</summary>
    public async Task<CallJoined> JoinSession(string sessionId, [FromServices] SessionCalls calls, [FromServices] SiteStore sites,
        [FromServices] ModerationStore moderation, [FromServices] TurnCredentials turn, [FromServices] CallDoor door)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        var (room, userId, channel, mode) = await SessionRoomAsync(sessionId, calls, sites, moderation);
        // Where the channel's calls are by admission, its sessions' calls are too, as direct calls are.
        if (mode == CallsMode.Admitted && !await door.MayJoinAsync(channel, userId, Context.ConnectionAborted))
        {
            throw Refusal(Notice.Of("Call.NotAdmitted"));
        }
        var member = new CallMember(Context.ConnectionId, user.UserId, user.Name);
        var outcome = rooms.Join(room, member, HubLanguage.Of(Context), Max).Outcome;
        if (outcome == CallRooms.JoinOutcome.Joined && !await directory.TryJoinAsync(room, member, Max, Context.ConnectionAborted))
        {
            rooms.Leave(Context.ConnectionId);
            outcome = CallRooms.JoinOutcome.Full;
        }

        if (outcome != CallRooms.JoinOutcome.Joined)
        {
            throw Refusal(Notice.Of(outcome == CallRooms.JoinOutcome.Full ? "Call.Full" : "Call.InAnother"));
        }

        // Removed from the session while being seated: the eviction may have run before the seat was taken.
        if (!await calls.StillInAsync(room, user.UserId, Context.ConnectionAborted))
        {
            await Leave();
            throw Refusal(Notice.Of("Call.NotInSession"));
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(room), Context.ConnectionAborted);
        var roster = await directory.RosterAsync(room, Max, Context.ConnectionAborted);
        await Clients.Group(Group(room)).CallChanged(roster);
        return new CallJoined(roster, Context.ConnectionId, turn.For(user.UserId),
            VideoCap.AudioOnly(roster, Context.ConnectionId, options.Value.MaxVideoParticipants));
    }

    /// <summary>The session's call room, for a signed-in participant of the session, on a site with calls on, not banned there.</summary>
    private async Task<(string Room, long UserId, string Channel, CallsMode Mode)> SessionRoomAsync(
        string sessionId, SessionCalls calls, SiteStore sites, ModerationStore moderation)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        if (await calls.FindAsync(sessionId, Context.ConnectionAborted) is not { } session || session.Participants.All(p => p.UserId != user.UserId))
        {
            throw Refusal(Notice.Of("Call.NotInSession"));
        }

        var (channel, mode) = await CallsModeAsync(session.Tag, sites);
        await RefuseIfBannedAsync(user.UserId, channel, moderation);
        return (SessionRoom.Of(session.Tag, session.SessionId), user.UserId, channel, mode);
    }
}
