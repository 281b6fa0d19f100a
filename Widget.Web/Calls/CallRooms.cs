namespace Widget.Web.Calls;

/// <summary>
/// Who is in each channel's call, in this node's memory: a call lives on the node its members' widgets are
/// connected to. A connection is in at most one call.
/// </summary>
public sealed class CallRooms
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<CallMember>> rooms = [];
    private readonly Dictionary<string, string> callOf = [];

    public enum JoinOutcome
    {
        Joined,
        Full,
        InAnotherCall,
    }

    /// <summary>Adds the member unless the call already holds <paramref name="max"/>; joining twice is no change.</summary>
    public (JoinOutcome Outcome, CallRoster Roster) Join(string tag, CallMember member, int max)
    {
        lock (gate)
        {
            if (callOf.TryGetValue(member.ConnectionId, out var current) && current != tag)
            {
                return (JoinOutcome.InAnotherCall, RosterOf(tag, max));
            }

            var room = rooms.TryGetValue(tag, out var existing) ? existing : rooms[tag] = [];
            if (current is null)
            {
                if (room.Count >= max)
                {
                    return (JoinOutcome.Full, RosterOf(tag, max));
                }

                room.Add(member);
                callOf[member.ConnectionId] = tag;
            }

            return (JoinOutcome.Joined, RosterOf(tag, max));
        }
    }

    /// <summary>Takes the connection out of its call; the tag it left, or null when it was in none.</summary>
    public string? Leave(string connectionId)
    {
        lock (gate)
        {
            if (!callOf.Remove(connectionId, out var tag))
            {
                return null;
            }

            var room = rooms[tag];
            room.RemoveAll(m => m.ConnectionId == connectionId);
            if (room.Count == 0)
            {
                rooms.Remove(tag);
            }

            return tag;
        }
    }

    public string? CallOf(string connectionId)
    {
        lock (gate)
        {
            return callOf.GetValueOrDefault(connectionId);
        }
    }

    /// <summary>The tag both connections are in the call of, or null when they are not in the same one.</summary>
    public string? SharedCall(string connectionId, string otherConnectionId)
    {
        lock (gate)
        {
            return callOf.TryGetValue(connectionId, out var tag) && connectionId != otherConnectionId
                && callOf.TryGetValue(otherConnectionId, out var other) && tag == other ? tag : null;
        }
    }

    public CallRoster Roster(string tag, int max)
    {
        lock (gate)
        {
            return RosterOf(tag, max);
        }
    }

    private CallRoster RosterOf(string tag, int max) =>
        new(tag, rooms.TryGetValue(tag, out var room) ? [.. room] : [], max);
}
