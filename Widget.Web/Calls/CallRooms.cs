using Widget.Core.Sites;

namespace Widget.Web.Calls;

/// <summary>
/// Who is in each channel's call among this node's own connections, in its memory; with several nodes
/// <see cref="ICallDirectory"/> adds the others' members. A connection is in at most one call.
/// </summary>
public sealed class CallRooms
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<CallMember>> rooms = [];
    private readonly Dictionary<string, Seat> callOf = [];

    public enum JoinOutcome
    {
        Joined,
        Full,
        InAnotherCall,
    }

    /// <summary>Adds the member unless the call already holds <paramref name="max"/>; joining twice is no change.
    /// The member's widget language is kept for what the server may later have to tell them alone.</summary>
    public (JoinOutcome Outcome, CallRoster Roster) Join(string tag, CallMember member, WidgetLanguage language, int max)
    {
        lock (gate)
        {
            var current = callOf.GetValueOrDefault(member.ConnectionId)?.Tag;
            if (current is not null && current != tag)
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
                callOf[member.ConnectionId] = new Seat(tag, language);
            }

            return (JoinOutcome.Joined, RosterOf(tag, max));
        }
    }

    /// <summary>Takes the connection out of its call; the tag it left, or null when it was in none.</summary>
    public string? Leave(string connectionId)
    {
        lock (gate)
        {
            if (!callOf.Remove(connectionId, out var seat))
            {
                return null;
            }

            var room = rooms[seat.Tag];
            room.RemoveAll(m => m.ConnectionId == connectionId);
            if (room.Count == 0)
            {
                rooms.Remove(seat.Tag);
            }

            return seat.Tag;
        }
    }

    /// <summary>Takes the members <paramref name="which"/> picks out of the tag's call: who went, each with their
    /// language, and the call as it is after.</summary>
    public (IReadOnlyList<(CallMember Member, WidgetLanguage Language)> Removed, CallRoster Roster) Remove(
        string tag, Func<CallMember, bool> which, int max)
    {
        lock (gate)
        {
            if (!rooms.TryGetValue(tag, out var room))
            {
                return ([], RosterOf(tag, max));
            }

            var removed = room.Where(which).Select(m => (m, callOf[m.ConnectionId].Language)).ToList();
            foreach (var (member, _) in removed)
            {
                room.Remove(member);
                callOf.Remove(member.ConnectionId);
            }

            if (room.Count == 0)
            {
                rooms.Remove(tag);
            }

            return (removed, RosterOf(tag, max));
        }
    }

    /// <summary>The channel's own call and the direct calls made in it, among those this node has members in.</summary>
    public IReadOnlyList<string> RoomsOf(string tag)
    {
        lock (gate)
        {
            return [.. rooms.Keys.Where(room => DirectRoom.ChannelOf(room) == tag)];
        }
    }

    public string? CallOf(string connectionId)
    {
        lock (gate)
        {
            return callOf.GetValueOrDefault(connectionId)?.Tag;
        }
    }

    /// <summary>The tag both connections are in the call of, or null when they are not in the same one.</summary>
    public string? SharedCall(string connectionId, string otherConnectionId)
    {
        lock (gate)
        {
            return callOf.TryGetValue(connectionId, out var seat) && connectionId != otherConnectionId
                && callOf.TryGetValue(otherConnectionId, out var other) && seat.Tag == other.Tag ? seat.Tag : null;
        }
    }

    public CallRoster Roster(string tag, int max)
    {
        lock (gate)
        {
            return RosterOf(tag, max);
        }
    }

    /// <summary>Every call this node has members in, with those members: what a node writes back to the shared
    /// directory on each heartbeat.</summary>
    public IReadOnlyList<CallRoster> Seated(int max)
    {
        lock (gate)
        {
            return [.. rooms.Keys.Select(tag => RosterOf(tag, max))];
        }
    }

    private CallRoster RosterOf(string tag, int max) =>
        new(tag, rooms.TryGetValue(tag, out var room) ? [.. room] : [], max);

    private sealed record Seat(string Tag, WidgetLanguage Language);
}
