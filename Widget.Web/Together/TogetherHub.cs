using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Core.Text;
using Widget.Web.Auth;
using Widget.Web.Calls;
using Widget.Web.Language;
using Widget.Web.Posting;

namespace Widget.Web.Together;

/// <summary>
/// "Browse together": sessions in which signed-in visitors see each other's cursors on the host page. A hub of its
/// own beside the live one, opened only by a widget that starts or joins a session, so its limits and checks stay
/// apart from the chat's. Every call but <see cref="Start"/> and <see cref="Knock"/> needs a place in the session,
/// and the session's creator alone admits, declines, removes and ends. Pods (see TogetherHub.Pods.cs) ride here too. Nothing sent here is stored.
/// </summary>
public sealed partial class TogetherHub(TogetherSessions sessions, PageRooms rooms, CursorRelay relay, IOptions<TogetherOptions> options)
    : Hub<ITogetherClient>
{
    public const string Path = "/hubs/together";

    public static bool Serves(HttpContext context) => context.Request.Path.StartsWithSegments(Path);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Disconnected(Context.ConnectionId);
        await GoneAsync(rooms.Leave(Context.ConnectionId));
    }

    public async Task<SessionView> Start(string tag, [FromServices] TogetherDoor door)
    {
        var user = SignedIn();
        if (await door.AskAsync(tag, user.UserId, Context.ConnectionAborted) is not DoorAnswer.Open)
        {
            throw Refusal("Together.NotHere");
        }

        return sessions.Start(tag, new Participant(user.UserId, user.Name, ""), Context.ConnectionId).View();
    }

    /// <summary>Asks the creator to be let in; a participant coming back (a reload, a second tab) is in at once.</summary>
    public async Task<KnockAnswer> Knock(string sessionId, [FromServices] TogetherDoor door)
    {
        var user = SignedIn();
        var session = Find(sessionId);
        var answer = await PassAsync(door, session, user.UserId);
        if (session.Attach(Context.ConnectionId, user.UserId))
        {
            return new KnockAnswer("admitted", session.View());
        }

        var knock = new Knock(session.Id, user.UserId, user.Name);
        var creator = session.AddKnock(knock, Context.ConnectionId);
        if (answer is DoorAnswer.Open)
        {
            await Clients.Clients(creator).Knocked(knock);
        }

        return new KnockAnswer("waiting", null);
    }

    public async Task Admit(string sessionId, long userId)
    {
        var session = OwnSession(sessionId);
        var (connectionId, full) = session.Admit(userId, options.Value.MaxParticipants);
        if (full)
        {
            throw HubLanguage.Refusal(Context, Notice.Plural("Together.Full", options.Value.MaxParticipants));
        }

        if (connectionId is null)
        {
            throw Refusal("Together.NoKnock");
        }

        var view = session.View();
        await Clients.Client(connectionId).Admitted(view);
        await Clients.Clients(Others(session, connectionId)).ParticipantsChanged(view);
    }

    public async Task Decline(string sessionId, long userId)
    {
        if (OwnSession(sessionId).Decline(userId) is { } connectionId)
        {
            await Clients.Client(connectionId).Declined(sessionId);
        }
    }

    public async Task Remove(string sessionId, long userId, [FromServices] SessionCalls calls)
    {
        var session = OwnSession(sessionId);
        if (userId == session.CreatorId)
        {
            throw Refusal("Together.NoKnock");
        }

        var removed = session.Remove(userId);
        await calls.LeftAsync(session, userId);
        await Clients.Clients(removed).Removed(sessionId);
        await Clients.Clients(Others(session, null)).ParticipantsChanged(session.View());
    }

    /// <summary>A participant leaves for good (not a reload): the others' list drops them. The creator ends instead.</summary>
    public async Task Leave(string sessionId, [FromServices] SessionCalls calls)
    {
        var session = Find(sessionId);
        var userId = session.MemberOf(Context.ConnectionId) ?? throw Refusal("Together.NotIn");
        if (userId == session.CreatorId)
        {
            throw Refusal("Together.CreatorOnly");
        }

        session.Remove(userId);
        await calls.LeftAsync(session, userId);
        await Clients.Clients(Others(session, null)).ParticipantsChanged(session.View());
    }

    /// <summary>Ends the session for everyone in it and at its door, and its call with it.</summary>
    public async Task End(string sessionId, [FromServices] SessionCalls calls)
    {
        var session = OwnSession(sessionId);
        sessions.End(session);
        await calls.EndedAsync(session);
        await Clients.Clients(session.Everyone()).Ended(sessionId);
    }

    /// <summary>The caller's cursor; passed on to the others in the session's next batch.</summary>
    public void Move(string sessionId, CursorPosition position)
    {
        var session = Find(sessionId);
        var userId = session.MemberOf(Context.ConnectionId) ?? throw Refusal("Together.NotIn");
        if (!position.IsValid)
        {
            throw Refusal("Together.BadCursor");
        }

        relay.Offer(session, new CursorMove(userId, position));
    }

    private PostAuthor SignedIn() => Context.User.ToPostAuthor() ?? throw Refusal("Together.SignIn");

    private TogetherSession Find(string sessionId) => sessions.Find(sessionId) ?? throw Refusal("Together.Gone");

    /// <summary>The site's door for one coming into a session: refused while browsing together is off there or they are banned in its channel.</summary>
    private async Task<DoorAnswer> PassAsync(TogetherDoor door, TogetherSession session, long userId)
    {
        var answer = await door.AskAsync(session.Tag, userId, Context.ConnectionAborted);
        return answer is DoorAnswer.Off or DoorAnswer.Banned
            ? throw Refusal(answer is DoorAnswer.Banned ? "Together.Banned" : "Together.NotHere")
            : answer;
    }

    private TogetherSession OwnSession(string sessionId)
    {
        var user = SignedIn();
        var session = Find(sessionId);
        return session.CreatorId == user.UserId && session.MemberOf(Context.ConnectionId) == user.UserId
            ? session
            : throw Refusal("Together.CreatorOnly");
    }

    private static string[] Others(TogetherSession session, string? except) =>
        [.. session.Members().Select(m => m.ConnectionId).Where(c => c != except)];

    private HubException Refusal(string key) => HubLanguage.Refusal(Context, Notice.Of(key));
}
