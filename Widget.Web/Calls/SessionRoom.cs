using Widget.Core.Tags;

namespace Widget.Web.Calls;

/// <summary>
/// The call room of a "Browse together" session: a room under the session's channel (<see cref="DirectRoom"/>) keyed
/// by the session's id, so that the channel's bans, its calls setting, evictions and the directory across nodes hold
/// in it as in a direct call. A session id is base64url and a direct room's key hex, so the prefix alone tells them apart.
/// </summary>
public static class SessionRoom
{
    private const string Prefix = "together-";

    /// <summary>The session keeps its tag as the creator typed it; bans and evictions name the channel normalised.</summary>
    public static string Of(string tag, string sessionId) => DirectRoom.Under(Tag.Parse(tag).Value, Prefix + sessionId);

    /// <summary>The session whose call the room is, or null for any other room.</summary>
    public static string? SessionOf(string room) =>
        DirectRoom.KeyOf(room) is { } key && key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : null;
}
