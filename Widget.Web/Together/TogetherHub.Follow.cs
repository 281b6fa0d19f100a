using Microsoft.AspNetCore.Mvc;

namespace Widget.Web.Together;

/// <summary>
/// "Follow": each participant tells where they are on the site, and hears where the others are. The server only
/// checks and passes places on; moving is each widget's own choice (following someone, or saying yes to "bring
/// everyone here"), so nobody is ever sent anywhere they did not ask to go.
/// </summary>
public sealed partial class TogetherHub
{
    /// <summary>
    /// The caller is on <paramref name="place"/> now, by a route change of the page it was on (<paramref name="route"/>)
    /// or by loading a page; returns where the others are.
    /// </summary>
    public async Task<IReadOnlyList<PlaceView>> Place(string sessionId, string place, bool route)
    {
        var (session, userId) = Member(sessionId);
        if (!SitePlace.IsValid(place))
        {
            throw Refusal("Together.BadPlace");
        }

        session.Places.Set(userId, place);
        await Clients.Clients(Others(session, Context.ConnectionId)).PlaceChanged(new PlaceView(session.Id, userId, place, route));
        return session.Places.Others(session.View(), userId);
    }

    /// <summary>Tells the others whom the caller follows now (null: nobody), so the one followed knows.</summary>
    public async Task Follow(string sessionId, long? leaderId)
    {
        var (session, userId) = Member(sessionId);
        if (leaderId is { } leader && (leader == userId || !session.IsParticipant(leader)))
        {
            throw Refusal("Together.NotFollowable");
        }

        await Clients.Clients(Others(session, Context.ConnectionId)).Following(new FollowView(session.Id, userId, leaderId));
    }

    /// <summary>"Bring everyone here": asks the others to come to the caller's last told place.</summary>
    public async Task Summon(string sessionId, [FromServices] TimeProvider time)
    {
        var (session, userId) = Member(sessionId);
        var place = session.Places.Of(userId) ?? throw Refusal("Together.BadPlace");
        if (!session.Lines.TryTake(userId, time, options.Value))
        {
            throw Refusal("Together.ChatTooFast");
        }

        var others = session.Members().Where(m => m.UserId != userId).Select(m => m.ConnectionId).ToArray();
        await Clients.Clients(others).Summoned(new PlaceView(session.Id, userId, place));
    }

    private (TogetherSession Session, long UserId) Member(string sessionId)
    {
        var session = Find(sessionId);
        return (session, session.MemberOf(Context.ConnectionId) ?? throw Refusal("Together.NotIn"));
    }
}
