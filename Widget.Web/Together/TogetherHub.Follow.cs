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
        var userId = await ParticipantAsync(sessionId);
        if (!SitePlace.IsValid(place))
        {
            throw Refusal("Together.BadPlace");
        }

        var others = await sessions.ChangeAsync(sessionId, s =>
        {
            if (!s.IsParticipant(userId))
            {
                return null;
            }

            s.Places[userId] = place;
            return s.OtherPlaces(userId);
        }, Context.ConnectionAborted) ?? throw Refusal("Together.NotIn");
        await Clients.GroupExcept(Group(sessionId), [Context.ConnectionId]).PlaceChanged(new PlaceView(sessionId, userId, place, route));
        return others;
    }

    /// <summary>Tells the others whom the caller follows now (null: nobody), so the one followed knows.</summary>
    public async Task Follow(string sessionId, long? leaderId)
    {
        var userId = await ParticipantAsync(sessionId);
        if (leaderId is { } leader && (leader == userId || !await sessions.IsParticipantAsync(sessionId, leader, Context.ConnectionAborted)))
        {
            throw Refusal("Together.NotFollowable");
        }

        await Clients.GroupExcept(Group(sessionId), [Context.ConnectionId]).Following(new FollowView(sessionId, userId, leaderId));
    }

    /// <summary>"Bring everyone here": asks the others to come to the caller's last told place.</summary>
    public async Task Summon(string sessionId)
    {
        var userId = await ParticipantAsync(sessionId);
        var (place, theirs) = await sessions.ReadAsync(sessionId, s => s.Places.GetValueOrDefault(userId) is { } p ? new Summons(p, s.ConnectionsOf(userId)) : null, Context.ConnectionAborted)
            ?? throw Refusal("Together.BadPlace");
        if (!lines.TryTake(sessionId, userId))
        {
            throw Refusal("Together.ChatTooFast");
        }

        // Not to the caller's other tabs either: they are where the caller is.
        await Clients.GroupExcept(Group(sessionId), theirs).Summoned(new PlaceView(sessionId, userId, place));
    }

    private sealed record Summons(string Place, IReadOnlyList<string> Connections);
}
