using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Text;
using Widget.Web.Auth;
using Widget.Web.Calls;
using Widget.Web.Language;
using Widget.Web.Posting;
using Widget.Web.Realtime;

namespace Widget.Web.Together;

/// <summary>
/// "Browse together": sessions in which signed-in visitors see each other's cursors on the host page. A hub of its
/// own beside the live one, opened only by a widget that starts or joins a session, so its limits and checks stay
/// apart from the chat's. Every call but <see cref="Start"/> and <see cref="Knock"/> needs a place in the session,
/// and the session's creator alone admits, declines, removes and ends. A session is shared by every node
/// (<see cref="TogetherSessions"/>) and its participants' connections, on whichever node, are in its group, so
/// whatever is relayed reaches them all. Pods (see TogetherHub.Pods.cs) ride here too. Nothing sent here is stored.
/// </summary>
public sealed partial class TogetherHub(
    TogetherSessions sessions, SessionExits exits, PageRooms rooms, CursorRelay relay, SessionLines lines, IOptions<TogetherOptions> options)
    : Hub<ITogetherClient>
{
    public const string Path = "/hubs/together";

    private static readonly TimeSpan AdmittedGroupWait = TimeSpan.FromSeconds(5);

    public static bool Serves(HttpContext context) => context.Request.Path.StartsWithSegments(Path);

    /// <summary>The group of a session's participants' connections, on every node.</summary>
    public static string Group(string sessionId) => "together:" + sessionId;

    // Pods first: they live on this node alone, and must go even while the session store cannot be reached.
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await GoneAsync(rooms.Leave(Context.ConnectionId));
        foreach (var sessionId in await sessions.DisconnectedAsync(Context.ConnectionId))
        {
            relay.Drop(sessionId);
        }

        lines.Sweep();
    }

    public async Task<SessionView> Start(string tag, [FromServices] TogetherDoor door)
    {
        var user = SignedIn();
        if (await door.AskAsync(tag, user.UserId, Context.ConnectionAborted) is not DoorAnswer.Open)
        {
            throw Refusal("Together.NotHere");
        }

        var view = await sessions.StartAsync(tag, new Participant(user.UserId, user.Name, ""), Context.ConnectionId, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(view.SessionId), Context.ConnectionAborted);
        return view;
    }

    /// <summary>Asks the creator to be let in; a participant coming back (a reload, a second tab) is in at once.</summary>
    public async Task<KnockAnswer> Knock(string sessionId, [FromServices] TogetherDoor door)
    {
        var user = SignedIn();
        var answer = await PassAsync(door, await FindAsync(sessionId), user.UserId);
        var knock = new Knock(sessionId, user.UserId, user.Name);
        var outcome = await sessions.KnockAsync(knock, Context.ConnectionId, Context.ConnectionAborted) ?? throw Refusal("Together.Gone");
        if (outcome.Admitted is { } view)
        {
            await JoinGroupAsync(sessionId, user.UserId);
            return new KnockAnswer("admitted", view);
        }

        if (answer is DoorAnswer.Open)
        {
            await Clients.Clients(outcome.Creator).Knocked(knock);
        }

        return new KnockAnswer("waiting", null);
    }

    public async Task Admit(string sessionId, long userId)
    {
        await OwnSessionAsync(sessionId);
        var max = options.Value.MaxParticipants;
        var (connectionId, full, view) = await sessions.ChangeAsync(sessionId, s => s.Admit(userId, max) is var (c, f) ? new Admission(c, f, s.View()) : null, Context.ConnectionAborted)
            ?? throw Refusal("Together.Gone");
        if (full)
        {
            throw HubLanguage.Refusal(Context, Notice.Plural("Together.Full", max));
        }

        if (connectionId is null)
        {
            throw Refusal("Together.NoKnock");
        }

        await AddAdmittedAsync(connectionId, sessionId);
        await Clients.Client(connectionId).Admitted(view);
        await Clients.GroupExcept(Group(sessionId), [connectionId]).ParticipantsChanged(view);
    }

    public async Task Decline(string sessionId, long userId)
    {
        await OwnSessionAsync(sessionId);
        if (await sessions.ChangeAsync(sessionId, s => s.Decline(userId), Context.ConnectionAborted) is { } connectionId)
        {
            await Clients.Client(connectionId).Declined(sessionId);
        }
    }

    public async Task Remove(string sessionId, long userId, [FromServices] SessionCalls calls)
    {
        var session = await OwnSessionAsync(sessionId);
        if (userId == session.CreatorId)
        {
            throw Refusal("Together.NoKnock");
        }

        if (await exits.RemoveAsync(sessionId, userId, tell: true, Context.ConnectionAborted) is not null)
        {
            await calls.LeftAsync(session, userId);
        }
    }

    /// <summary>A participant leaves for good (not a reload): the others' list drops them. The creator ends instead.</summary>
    public async Task Leave(string sessionId, [FromServices] SessionCalls calls)
    {
        var (session, userId) = await MemberAsync(sessionId);
        if (userId == session.CreatorId)
        {
            throw Refusal("Together.CreatorOnly");
        }

        await exits.RemoveAsync(sessionId, userId, tell: false, Context.ConnectionAborted);
        await calls.LeftAsync(session, userId);
    }

    /// <summary>Ends the session for everyone in it and at its door, and its call with it.</summary>
    public async Task End(string sessionId, [FromServices] SessionCalls calls)
    {
        var session = await OwnSessionAsync(sessionId);
        await exits.EndAsync(sessionId, Context.ConnectionAborted);
        await calls.EndedAsync(session);
    }

    /// <summary>The caller's cursor; passed on to the others in the next batch of the node it is connected to.</summary>
    public async Task Move(string sessionId, CursorPosition position)
    {
        var userId = await ParticipantAsync(sessionId);
        if (!position.IsValid)
        {
            throw Refusal("Together.BadCursor");
        }

        relay.Offer(sessionId, new CursorMove(userId, position));
    }

    private PostAuthor SignedIn() => Context.User.ToPostAuthor() ?? throw Refusal("Together.SignIn");

    private async Task<SessionView> FindAsync(string sessionId) =>
        await sessions.ViewAsync(sessionId, Context.ConnectionAborted) ?? throw Refusal("Together.Gone");

    /// <summary>The participant the caller's connection is in the session: checked on every relayed call, so known here when it can be.</summary>
    private async ValueTask<long> ParticipantAsync(string sessionId)
    {
        var membership = await sessions.MemberOfAsync(Context.ConnectionId, sessionId, Context.ConnectionAborted);
        return membership.Gone ? throw Refusal("Together.Gone") : membership.UserId ?? throw Refusal("Together.NotIn");
    }

    /// <summary>The session as it is and the caller's place in it, for calls that need more than the caller's place.</summary>
    private async Task<(SessionView Session, long UserId)> MemberAsync(string sessionId)
    {
        var session = await FindAsync(sessionId);
        return (session, await ParticipantAsync(sessionId));
    }

    /// <summary>The site's door for one coming into a session: refused while browsing together is off there or they are banned in its channel.</summary>
    private async Task<DoorAnswer> PassAsync(TogetherDoor door, SessionView session, long userId)
    {
        var answer = await door.AskAsync(session.Tag, userId, Context.ConnectionAborted);
        return answer is DoorAnswer.Off or DoorAnswer.Banned
            ? throw Refusal(answer is DoorAnswer.Banned ? "Together.Banned" : "Together.NotHere")
            : answer;
    }

    private async Task<SessionView> OwnSessionAsync(string sessionId)
    {
        var user = SignedIn();
        var session = await FindAsync(sessionId);
        return session.CreatorId == user.UserId
            && (await sessions.MemberOfAsync(Context.ConnectionId, sessionId, Context.ConnectionAborted)).UserId == user.UserId
            ? session
            : throw Refusal("Together.CreatorOnly");
    }

    /// <summary>Puts the caller's connection in the session's group; taken out at once when a removal on another node raced with it.</summary>
    private async Task JoinGroupAsync(string sessionId, long userId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(sessionId), Context.ConnectionAborted);
        if (!await sessions.IsParticipantAsync(sessionId, userId, Context.ConnectionAborted))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(sessionId), Context.ConnectionAborted);
            throw Refusal("Together.NotIn");
        }
    }

    /// <summary>
    /// The knocker's connection may be on another node: the backplane adds it to the group there, and waits for that
    /// node's word, which never comes when the connection closed meanwhile. The creator does not wait that long; the
    /// late answer is only observed.
    /// </summary>
    private async Task AddAdmittedAsync(string connectionId, string sessionId)
    {
        var adding = Groups.AddToGroupAsync(connectionId, Group(sessionId));
        try
        {
            await adding.WaitAsync(AdmittedGroupWait, Context.ConnectionAborted);
        }
        catch (TimeoutException)
        {
            DetachedSends.Observe(adding, null, _ => { });
        }
    }

    private HubException Refusal(string key) => HubLanguage.Refusal(Context, Notice.Of(key));

    private sealed record Admission(string? ConnectionId, bool Full, SessionView View);
}
