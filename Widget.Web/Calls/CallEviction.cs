namespace Widget.Web.Calls;

/// <summary>Why people are taken out of a channel's call; each reason has the words their widget shows
/// (<c>Call.Out.*</c>).</summary>
public enum CallOutReason
{
    Banned,
    Removed,
    Ended,
    CallsOff,
}

/// <summary>Whom to take out of a channel's call: one user's connections, one connection, or, with neither, everyone.</summary>
public sealed record CallEviction(string Tag, CallOutReason Reason, long? UserId = null, string? ConnectionId = null)
{
    public bool Matches(CallMember member) =>
        (UserId is null || member.UserId == UserId) && (ConnectionId is null || member.ConnectionId == ConnectionId);
}
