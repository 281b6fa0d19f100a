namespace Widget.Web.Calls;

/// <summary>Why people are taken out of a channel's call; each reason has the words their widget shows
/// (<c>Call.Out.*</c>).</summary>
public enum CallOutReason
{
    Banned,
    Removed,
    Ended,
    CallsOff,
    SessionLeft,
    SessionEnded,
}

/// <summary>Whom to take out of a channel's call: one user's connections, one connection, or, with neither, everyone.
/// With <paramref name="Room"/>, of that room alone (a browsing session's call).</summary>
public sealed record CallEviction(string Tag, CallOutReason Reason, long? UserId = null, string? ConnectionId = null, string? Room = null)
{
    /// <summary>A moderator ends the channel's call; a ban, a removal or calls turned off reach the direct calls made
    /// in the channel too.</summary>
    public bool Reaches(string room) => Room is not null ? room == Room : room == Tag || Reason != CallOutReason.Ended;

    public bool Matches(CallMember member) =>
        (UserId is null || member.UserId == UserId) && (ConnectionId is null || member.ConnectionId == ConnectionId);
}
