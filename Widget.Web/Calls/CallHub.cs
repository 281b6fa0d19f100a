using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Data.Sites;
using Widget.Web.Auth;
using Widget.Web.Language;

namespace Widget.Web.Calls;

/// <summary>
/// Signalling for channel calls, a hub of its own so that a widget of a site without calls opens nothing.
/// Anyone may watch who is in a call; a signed-in visitor who is not banned joins when the site allows calls.
/// Offers, answers and candidates go to one named connection, and only between members of the same call:
/// every message is checked against the membership and the sender's bans, its size and the sender's rate.
/// The channel's moderators may take anyone out of its call, or end it; where calls are by admission, they let people
/// in (<see cref="CallDoor"/>). A call may span nodes: this node seats
/// its own connections in <see cref="CallRooms"/>, and <see cref="ICallDirectory"/> answers for the others.
/// </summary>
public sealed partial class CallHub(CallRooms rooms, ICallDirectory directory, CallRateLimit rate, DirectRings ringing,
    JoinRequestEnds requestEnds, IOptions<CallOptions> options)
    : Hub<ICallClient>
{
    public const string Path = "/hubs/calls";

    public static bool Serves(HttpContext context) => context.Request.Path.StartsWithSegments(Path);

    public static string Group(string tag) => "call:" + tag;

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await Leave();
        await WithdrawRingsAsync();
        await WithdrawAsksAsync();
    }

    /// <summary>Follows the channel's call: answers who is in it, then pushes <c>CallChanged</c>.</summary>
    public async Task<CallRoster> Watch(string tag, [FromServices] SiteStore sites)
    {
        var channel = await CallsAllowedAsync(tag, sites);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(channel), Context.ConnectionAborted);
        return await directory.RosterAsync(channel, Max, Context.ConnectionAborted);
    }

    public async Task<CallJoined> Join(string tag, [FromServices] SiteStore sites, [FromServices] ModerationStore moderation,
        [FromServices] TurnCredentials turn, [FromServices] CallDoor door)
    {
        var user = Context.User.ToPostAuthor() ?? throw Refusal(Notice.Of("Call.SignIn"));
        var (channel, mode) = await CallsModeAsync(tag, sites);
        await RefuseIfBannedAsync(user.UserId, channel, moderation);
        if (mode == CallsMode.Admitted && !await door.EnterAsync(channel, user.UserId, Context.ConnectionAborted))
        {
            throw Refusal(Notice.Of("Call.NotAdmitted"));
        }
        var member = new CallMember(Context.ConnectionId, user.UserId, user.Name);
        var (outcome, _) = rooms.Join(channel, member, HubLanguage.Of(Context), Max);
        if (outcome == CallRooms.JoinOutcome.Joined && !await directory.TryJoinAsync(channel, member, Max, Context.ConnectionAborted))
        {
            rooms.Leave(Context.ConnectionId);
            outcome = CallRooms.JoinOutcome.Full;
        }

        switch (outcome)
        {
            case CallRooms.JoinOutcome.Full:
                throw Refusal(Notice.Of("Call.Full"));
            case CallRooms.JoinOutcome.InAnotherCall:
                throw Refusal(Notice.Of("Call.InAnother"));
        }

        var roster = await directory.RosterAsync(channel, Max, Context.ConnectionAborted);

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(channel), Context.ConnectionAborted);
        await Clients.Group(Group(channel)).CallChanged(roster);
        return new CallJoined(roster, Context.ConnectionId, turn.For(user.UserId),
            VideoCap.AudioOnly(roster, Context.ConnectionId, options.Value.MaxVideoParticipants));
    }

    public async Task Leave()
    {
        if (rooms.Leave(Context.ConnectionId) is { } tag)
        {
            await directory.LeftAsync(tag, [Context.ConnectionId]);
            await Clients.Group(Group(tag)).CallChanged(await directory.RosterAsync(tag, Max, CancellationToken.None));
        }
    }

    /// <summary>A moderator of the channel takes one connection out of its call.</summary>
    public Task Remove(string tag, string connectionId, [FromServices] CallModeration moderation) =>
        TakeOutAsync(tag, connectionId, moderation);

    /// <summary>A moderator of the channel ends its call: everyone in it is taken out.</summary>
    public Task End(string tag, [FromServices] CallModeration moderation) => TakeOutAsync(tag, null, moderation);

    /// <summary>Fresh ICE servers and TURN credentials, for a member only.</summary>
    public async Task<IReadOnlyList<IceServer>> IceServers([FromServices] TurnCredentials turn, [FromServices] SessionCalls sessions)
    {
        var user = Context.User.ToPostAuthor();
        return user is not null && rooms.CallOf(Context.ConnectionId) is { } room
            && await sessions.StillInAsync(room, user.UserId, Context.ConnectionAborted)
            ? turn.For(user.UserId)
            : throw Refusal(Notice.Of("Call.NotMember"));
    }

    public async Task SendDescription(
        string to, SessionDescription description, [FromServices] ModerationStore moderation, [FromServices] SessionCalls sessions)
    {
        if (description.Type is not ("offer" or "answer") || description.Sdp.Length > options.Value.MaxSdpChars)
        {
            throw Refusal(Notice.Of("Call.BadSignal"));
        }

        await CheckSignalAsync(to, moderation, sessions);
        await Clients.Client(to).Description(new DescriptionEvent(Context.ConnectionId, description));
    }

    public async Task SendCandidate(
        string to, IceCandidate candidate, [FromServices] ModerationStore moderation, [FromServices] SessionCalls sessions)
    {
        if (candidate.Candidate.Length > options.Value.MaxCandidateChars || candidate.SdpMid?.Length > 64)
        {
            throw Refusal(Notice.Of("Call.BadSignal"));
        }

        await CheckSignalAsync(to, moderation, sessions);
        await Clients.Client(to).Candidate(new CandidateEvent(Context.ConnectionId, candidate));
    }

    private int Max => options.Value.MaxParticipants;

    private async Task CheckSignalAsync(string to, ModerationStore moderation, SessionCalls sessions)
    {
        if (!rate.TryTake(Context))
        {
            throw Refusal(Notice.Of("Call.TooFast"));
        }

        // The sender is on this node, so its seat is in memory; the target may be on any node.
        var user = Context.User.ToPostAuthor();
        if (user is null || to == Context.ConnectionId || rooms.CallOf(Context.ConnectionId) is not { } tag
            || !await sessions.StillInAsync(tag, user.UserId, Context.ConnectionAborted) || !await directory.IsMemberAsync(tag, to, Context.ConnectionAborted))
        {
            throw Refusal(Notice.Of("Call.NotMember"));
        }

        await RefuseIfBannedAsync(user.UserId, DirectRoom.ChannelOf(tag), moderation);
    }

    /// <summary>Any ban in force, a shadow ban too: the others would see and hear its holder.</summary>
    private async Task RefuseIfBannedAsync(long userId, string tag, ModerationStore moderation)
    {
        if ((await moderation.BansOnAsync(userId, [tag], Context.ConnectionAborted)).InForce is not null)
        {
            throw Refusal(Notice.Of("Call.Banned"));
        }
    }

    private async Task TakeOutAsync(string tag, string? connectionId, CallModeration moderation)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            throw Refusal(Notice.Of("Channel.Invalid"));
        }

        var user = Context.User.ToPostAuthor();
        if (user is null || !(await moderation.TakeOutAsync(user.UserId, parsed.Value.Value, connectionId, Context.ConnectionAborted)).Done)
        {
            throw Refusal(Notice.Of("Call.NotModerator"));
        }
    }

    private async Task<string> CallsAllowedAsync(string tag, SiteStore sites) => (await CallsModeAsync(tag, sites)).Channel;

    private async Task<(string Channel, CallsMode Mode)> CallsModeAsync(string tag, SiteStore sites)
    {
        if (!Tag.TryParse(tag, out var parsed))
        {
            throw Refusal(Notice.Of("Channel.Invalid"));
        }

        var site = await sites.FindAsync(parsed.Value, Context.ConnectionAborted);
        return site is { Settings.Calls: not CallsMode.Off and var mode }
            ? (parsed.Value.Value, mode)
            : throw Refusal(Notice.Of("Call.Off"));
    }

    private HubException Refusal(Notice notice) => HubLanguage.Refusal(Context, notice);
}
