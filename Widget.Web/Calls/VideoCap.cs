namespace Widget.Web.Calls;

/// <summary>
/// Who in a call may send video: the first <see cref="CallOptions.MaxVideoParticipants"/> by order of joining.
/// A member's place only moves forward as others leave, so those who joined with video always sit within the
/// first places and never outnumber the cap, even when several join at once on different nodes. A member who
/// joined with sound only stays so; the next newcomer may then join with sound only although a camera left.
/// </summary>
public static class VideoCap
{
    public static bool AudioOnly(CallRoster roster, string connectionId, int maxVideo)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var place = roster.Members.ToList().FindIndex(m => m.ConnectionId == connectionId);
        return place >= maxVideo;
    }
}
