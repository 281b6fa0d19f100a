namespace Widget.Web.Together;

/// <summary>
/// Where a participant is on the site: a path with its query and hash, checked by <see cref="SitePlace"/>.
/// <paramref name="Route"/>: they got there by a single-page app's route change, without loading a page, so a
/// follower on the same page can take the same route rather than load it.
/// </summary>
public sealed record PlaceView(string SessionId, long UserId, string Place, bool Route = false);

/// <summary>A participant follows another (<paramref name="LeaderId"/>), or stopped following (null).</summary>
public sealed record FollowView(string SessionId, long FollowerId, long? LeaderId);

/// <summary>A line of the session's chat, passed on at once and kept nowhere.</summary>
public sealed record ChatLine(string SessionId, long UserId, string Name, string Text);
