using Widget.Core.Presence;

namespace Widget.Web.Realtime;

/// <summary>
/// What a (re)joining viewer missed, in sequence order (<paramref name="Reset"/> when the gap was too large
/// to replay), and who is on the channel now; later changes come as diffs.
/// </summary>
public sealed record CatchUp(IReadOnlyList<PostEvent> Posts, bool Reset, ChannelPresence? Presence = null);
