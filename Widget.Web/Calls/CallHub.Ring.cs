using Microsoft.AspNetCore.Mvc;
using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Web.Auth;
using Widget.Web.Language;

namespace Widget.Web.Calls;

/// <summary>
/// Direct calls: a signed-in visitor rings another present in the channel; if they accept, both meet in a call room
/// of their own (<see cref="DirectRoom"/>), where the same signalling, checks and evictions hold as in a channel's
/// call. Nobody enters that room but through a ring: the callee by accepting it, the caller's connection by taking
/// the accepted ring.
/// </summary>
public sealed partial class CallHub
{
    private static readonly object RingsKey = new();

    public async Task<RingStarted> Ring(string tag, long userId, [FromServices] DirectCallRules rules)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        if (!Tag.TryParse(tag, out var parsed))
        {
            throw Refusal(Notice.Of("Channel.Invalid"));
        }

        if (rooms.CallOf(Context.ConnectionId) is not null)
        {
            throw Refusal(Notice.Of("Call.InAnother"));
        }

        var channel = parsed.Value.Value;
        var (refusal, callee) = await rules.CheckAsync(channel, user.UserId, userId, Context.ConnectionAborted);
        if (refusal is not null || callee is null)
        {
            throw Refusal(refusal ?? Notice.Of("Ring.NotHere"));
        }

        var ring = new CallRing(
            DirectRoom.RandomId(), channel, DirectRoom.New(channel), Context.ConnectionId, user.UserId, user.Name, callee.Id, Accepted: false);
        if (!await ringing.TryStartAsync(ring, Context.ConnectionAborted))
        {
            throw Refusal(Notice.Of("Ring.TooMany"));
        }

        // Only the last few can still be ringing: MaxRings bounds them.
        var started = RingsStartedHere;
        started.Add(ring.Id);
        if (started.Count > options.Value.MaxRings)
        {
            started.RemoveAt(0);
        }

        return new RingStarted(ring.Id, callee.Name);
    }

    public Task CancelRing(string ringId) => ringing.WithdrawAsync(ringId, Context.ConnectionId);

    /// <summary>The callee answers. Declining returns null; accepting seats them in the call room and returns it.</summary>
    public async Task<CallJoined?> AnswerRing(
        string ringId, bool accept, [FromServices] ICallRings rings, [FromServices] DirectCallRules rules, [FromServices] TurnCredentials turn)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        if (await rings.FindAsync(ringId, Context.ConnectionAborted) is not { Accepted: false } ring || ring.CalleeId != user.UserId)
        {
            throw Refusal(Notice.Of("Ring.Gone"));
        }

        if (!accept)
        {
            await ringing.DeclineAsync(ring, declined: true);
            return null;
        }

        var (refusal, _) = await rules.CheckAsync(ring.Tag, ring.CallerId, user.UserId, Context.ConnectionAborted);
        if (refusal is not null)
        {
            await ringing.DeclineAsync(ring, declined: false);
            throw Refusal(refusal);
        }

        var member = new CallMember(Context.ConnectionId, user.UserId, user.Name);
        if (rooms.Join(ring.Room, member, HubLanguage.Of(Context), DirectRoom.Max).Outcome != CallRooms.JoinOutcome.Joined)
        {
            throw Refusal(Notice.Of("Call.InAnother"));
        }

        if (!await ringing.AcceptAsync(ring, Context.ConnectionAborted)
            || !await directory.TryJoinAsync(ring.Room, member, DirectRoom.Max, Context.ConnectionAborted))
        {
            rooms.Leave(Context.ConnectionId);
            throw Refusal(Notice.Of("Ring.Gone"));
        }

        return await EnterRoomAsync(ring.Room, user.UserId, turn);
    }

    /// <summary>The caller's connection, told the ring was accepted, joins the callee in the call room.</summary>
    public async Task<CallJoined> JoinDirect(
        string ringId, [FromServices] ICallRings rings, [FromServices] ModerationStore moderation, [FromServices] TurnCredentials turn)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        if (await rings.FindAsync(ringId, Context.ConnectionAborted) is not { Accepted: true } ring
            || ring.CallerConnection != Context.ConnectionId
            || !await rings.SwapAsync(ring, null, TimeSpan.Zero, Context.ConnectionAborted))
        {
            throw Refusal(Notice.Of("Ring.Gone"));
        }

        await RefuseIfBannedAsync(user.UserId, ring.Tag, moderation);
        var member = new CallMember(Context.ConnectionId, user.UserId, user.Name);
        if (rooms.Join(ring.Room, member, HubLanguage.Of(Context), DirectRoom.Max).Outcome != CallRooms.JoinOutcome.Joined)
        {
            throw Refusal(Notice.Of("Call.InAnother"));
        }

        if (!await directory.TryJoinAsync(ring.Room, member, DirectRoom.Max, Context.ConnectionAborted))
        {
            rooms.Leave(Context.ConnectionId);
            throw Refusal(Notice.Of("Call.Full"));
        }

        return await EnterRoomAsync(ring.Room, user.UserId, turn);
    }

    private List<string> RingsStartedHere =>
        Context.Items.TryGetValue(RingsKey, out var held) && held is List<string> list ? list : (List<string>)(Context.Items[RingsKey] = new List<string>());

    private async Task<CallJoined> EnterRoomAsync(string room, long userId, TurnCredentials turn)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(room), Context.ConnectionAborted);
        var roster = await directory.RosterAsync(room, DirectRoom.Max, Context.ConnectionAborted);
        await Clients.Group(Group(room)).CallChanged(roster);
        return new CallJoined(roster, Context.ConnectionId, turn.For(userId));
    }

    /// <summary>A caller's widget that closed stops ringing everyone it was calling.</summary>
    private async Task WithdrawRingsAsync()
    {
        foreach (var id in RingsStartedHere)
        {
            await ringing.WithdrawAsync(id, Context.ConnectionId);
        }
    }
}
