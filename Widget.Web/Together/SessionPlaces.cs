using System.Collections.Concurrent;

namespace Widget.Web.Together;

/// <summary>Where each participant last said they are on the site: one checked place each, replaced as they move.</summary>
public sealed class SessionPlaces
{
    private readonly ConcurrentDictionary<long, string> places = new();

    public void Set(long userId, string place) => places[userId] = place;

    public string? Of(long userId) => places.GetValueOrDefault(userId);

    /// <summary>The places of the session's participants other than <paramref name="userId"/>; someone removed is not among them.</summary>
    public IReadOnlyList<PlaceView> Others(SessionView session, long userId) =>
        [.. session.Participants
            .Where(p => p.UserId != userId && places.ContainsKey(p.UserId))
            .Select(p => new PlaceView(session.SessionId, p.UserId, places[p.UserId]))];
}
